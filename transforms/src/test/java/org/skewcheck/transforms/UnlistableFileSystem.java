package org.skewcheck.transforms;

import java.io.IOException;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.util.Collection;
import java.util.List;
import org.apache.beam.sdk.io.FileSystem;
import org.apache.beam.sdk.io.FileSystemRegistrar;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.CreateOptions;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MoveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * The {@code unlistable://} scheme, registered for these tests only: every path parses, and every
 * listing fails with an error, as a bucket the credentials may not list does on GCS (403).
 */
final class UnlistableFileSystem extends FileSystem<ResourceId> {
  static final String SCHEME = "unlistable";
  static final String ERROR = "403 Forbidden: the account may not list this bucket";

  /** Beam finds the scheme through this registrar (META-INF/services in the test resources). */
  public static final class Registrar implements FileSystemRegistrar {
    @Override
    public Iterable<FileSystem<?>> fromOptions(PipelineOptions options) {
      return List.of(new UnlistableFileSystem());
    }
  }

  @Override
  protected List<MatchResult> match(List<String> specs) {
    return specs.stream().map(s -> MatchResult.create(MatchResult.Status.ERROR, new IOException(ERROR))).toList();
  }

  /** A local resource for the path after the scheme: only its identity matters to a listing that fails. */
  @Override
  protected ResourceId matchNewResource(String spec, boolean isDirectory) {
    return FileSystems.matchNewResource(spec.substring(SCHEME.length() + "://".length() - 1), isDirectory);
  }

  @Override
  protected String getScheme() {
    return SCHEME;
  }

  @Override
  protected WritableByteChannel create(ResourceId resourceId, CreateOptions createOptions) {
    throw new UnsupportedOperationException("only listing is needed");
  }

  @Override
  protected ReadableByteChannel open(ResourceId resourceId) {
    throw new UnsupportedOperationException("only listing is needed");
  }

  @Override
  protected void copy(List<ResourceId> sources, List<ResourceId> destinations) {
    throw new UnsupportedOperationException("only listing is needed");
  }

  @Override
  protected void rename(List<ResourceId> sources, List<ResourceId> destinations, MoveOptions... options) {
    throw new UnsupportedOperationException("only listing is needed");
  }

  @Override
  protected void delete(Collection<ResourceId> resourceIds) {
    throw new UnsupportedOperationException("only listing is needed");
  }
}
