package org.skewcheck.pipeline;

import com.google.auth.Credentials;
import com.google.auth.oauth2.GoogleCredentials;
import java.io.IOException;
import java.security.GeneralSecurityException;
import org.apache.beam.sdk.extensions.gcp.auth.CredentialFactory;
import org.apache.beam.sdk.extensions.gcp.auth.GcpCredentialFactory;
import org.apache.beam.sdk.extensions.gcp.options.GcpOptions;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.util.InstanceBuilder;

/**
 * The Google Cloud credentials that {@code gs://} paths need, got the way Beam's GCS filesystem
 * gets them ({@code --credentialFactoryClass}; Application Default Credentials by default), with an
 * access token, and handed to the filesystem. Beam's default factory returns null when it finds no
 * credentials, and the filesystem then sends every request without any, retrying each for minutes;
 * here that is a failure with the reason.
 */
final class GcsCredentials {
  private GcsCredentials() {}

  /** One try: credentials and an access token, left in {@code options}; throws why there are none. */
  static void connect(PipelineOptions options) throws IOException, GeneralSecurityException {
    GcpOptions gcp = options.as(GcpOptions.class);
    Credentials credentials = InstanceBuilder.ofType(CredentialFactory.class)
        .fromClass(gcp.getCredentialFactoryClass())
        .fromFactoryMethod("fromOptions")
        .withArg(PipelineOptions.class, options)
        .build()
        .getCredential();
    if (credentials == null) {
      throw new IOException("no Google Cloud credentials found (" + whyNone(gcp) + ")");
    }
    try {
      credentials.refresh();
    } catch (IOException e) {
      throw new IOException("Google Cloud credentials found, but no access token with them: "
          + e.getClass().getSimpleName() + ": " + e.getMessage(), e);
    }
    gcp.setGcpCredential(credentials);
  }

  /**
   * Why the factory gave no credentials. Beam's default factory logs the reason and returns null;
   * asking Application Default Credentials again gets it (no file at GOOGLE_APPLICATION_CREDENTIALS,
   * no gcloud login, no metadata server) for the one line the user sees.
   */
  private static String whyNone(GcpOptions gcp) {
    if (gcp.getCredentialFactoryClass() != GcpCredentialFactory.class) {
      return "--credentialFactoryClass=" + gcp.getCredentialFactoryClass().getName() + " gave none";
    }
    try {
      GoogleCredentials.getApplicationDefault();
      return "Application Default Credentials were found only after the try";
    } catch (IOException e) {
      return e.getMessage();
    }
  }
}
