package org.skewcheck.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Debian's headless Chromium, driven over the Chrome DevTools Protocol on a plain
 * {@code java.net.http.WebSocket}: opens a page, collects everything the page reports as an error
 * (console.error and console.assert calls, uncaught exceptions, error log entries such as a
 * resource that failed to load) and takes full-page screenshots. Closing it kills the browser and
 * every process it started.
 *
 * <pre>{@code
 * try (HeadlessChromium browser = HeadlessChromium.start(tempDir)) {
 *   browser.open(Path.of("report.html"));
 *   List<String> errors = browser.errors();
 *   byte[] png = browser.screenshot(1280);
 * }
 * }</pre>
 */
final class HeadlessChromium implements AutoCloseable {
  static final Path BINARY = Path.of("/usr/bin/chromium");
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  /** Chromium refuses taller captures; a report's page is far shorter. */
  private static final int MAX_HEIGHT = 16_384;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final WebSocket socket;
  private final Map<Integer, CompletableFuture<JsonNode>> pending;
  private final List<String> errors;
  private final AtomicReference<CompletableFuture<Void>> load;
  private final AtomicInteger ids = new AtomicInteger();

  private HeadlessChromium(Process process, WebSocket socket, Map<Integer, CompletableFuture<JsonNode>> pending,
      List<String> errors, AtomicReference<CompletableFuture<Void>> load) {
    this.process = process;
    this.socket = socket;
    this.pending = pending;
    this.errors = errors;
    this.load = load;
  }

  /** Starts Chromium with a new profile in {@code workDir} (which must be empty) and attaches to its first tab. */
  static HeadlessChromium start(Path workDir) throws IOException, InterruptedException {
    Path profile = Files.createDirectory(workDir.resolve("profile"));
    ProcessBuilder builder = new ProcessBuilder(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--hide-scrollbars", "--user-data-dir=" + profile, "--remote-debugging-port=0",
        "about:blank");
    builder.redirectErrorStream(true).redirectOutput(workDir.resolve("chromium.log").toFile());
    // Its singleton socket and lock live in TMPDIR: keep them in workDir, which the caller cleans up.
    builder.environment().put("TMPDIR", workDir.toString());
    Process process = builder.start();
    try {
      int port = devToolsPort(profile, process, workDir.resolve("chromium.log"));
      Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
      List<String> errors = new CopyOnWriteArrayList<>();
      AtomicReference<CompletableFuture<Void>> load = new AtomicReference<>(new CompletableFuture<>());
      HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
      WebSocket socket = http.newWebSocketBuilder()
          .buildAsync(URI.create(pageSocket(http, port)), new Listener(pending, errors, load))
          .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      HeadlessChromium browser = new HeadlessChromium(process, socket, pending, errors, load);
      for (String domain : List.of("Runtime", "Log", "Page")) {
        browser.call(domain + ".enable", JSON.createObjectNode());
      }
      return browser;
    } catch (IOException | InterruptedException | RuntimeException | ExecutionException | TimeoutException e) {
      kill(process);
      throw e instanceof IOException io ? io : new IOException("could not drive Chromium: " + e, e);
    }
  }

  /** Loads {@code file} and waits for its load event and for the tasks it queued; returns the milliseconds taken. */
  long open(Path file) throws IOException {
    CompletableFuture<Void> loaded = new CompletableFuture<>();
    load.set(loaded);
    long start = System.nanoTime();
    call("Page.navigate", JSON.createObjectNode().put("url", file.toUri().toString()));
    await(loaded, "the load event of " + file);
    long millis = (System.nanoTime() - start) / 1_000_000;
    // A frame and a timer later, anything the page queued at load has run and reported.
    evaluate("new Promise(r => requestAnimationFrame(() => setTimeout(r, 100)))");
    return millis;
  }

  /** The value of a JavaScript expression in the page (promises awaited). */
  JsonNode evaluate(String expression) throws IOException {
    JsonNode result = call("Runtime.evaluate", JSON.createObjectNode().put("expression", expression)
        .put("awaitPromise", true).put("returnByValue", true));
    if (result.has("exceptionDetails")) {
      throw new IOException("evaluating " + expression + ": " + result.path("exceptionDetails"));
    }
    return result.path("result").path("value");
  }

  /** Every error the page reported since the browser started, one line each. */
  List<String> errors() {
    return List.copyOf(errors);
  }

  /** A PNG of the whole page, laid out {@code width} CSS pixels wide. */
  byte[] screenshot(int width) throws IOException {
    call("Emulation.setDeviceMetricsOverride", JSON.createObjectNode().put("width", width).put("height", 800)
        .put("deviceScaleFactor", 1).put("mobile", false));
    int height = (int) Math.ceil(call("Page.getLayoutMetrics", JSON.createObjectNode())
        .path("cssContentSize").path("height").asDouble(800));
    call("Emulation.setDeviceMetricsOverride", JSON.createObjectNode().put("width", width)
        .put("height", Math.min(height, MAX_HEIGHT)).put("deviceScaleFactor", 1).put("mobile", false));
    JsonNode shot = call("Page.captureScreenshot", JSON.createObjectNode().put("format", "png"));
    return Base64.getDecoder().decode(shot.path("data").asText());
  }

  /** Asks the browser to quit, so it removes its own files, then kills whatever is left. */
  @Override
  public void close() {
    try {
      socket.sendText(JSON.createObjectNode().put("id", ids.incrementAndGet()).put("method", "Browser.close")
          .toString(), true).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      process.waitFor(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // The socket is gone or stuck: the kill below still ends the browser.
    } finally {
      socket.abort();
      kill(process);
    }
  }

  private JsonNode call(String method, ObjectNode params) throws IOException {
    int id = ids.incrementAndGet();
    CompletableFuture<JsonNode> response = new CompletableFuture<>();
    pending.put(id, response);
    ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
    message.set("params", params);
    socket.sendText(message.toString(), true).join();
    JsonNode reply = await(response, method);
    if (reply.has("error")) {
      throw new IOException(method + " failed: " + reply.path("error"));
    }
    return reply.path("result");
  }

  private static <T> T await(CompletableFuture<T> future, String what) throws IOException {
    try {
      return future.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted waiting for " + what, e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IOException("no answer from Chromium for " + what + " within " + TIMEOUT.toSeconds() + " s", e);
    }
  }

  /** The port Chromium chose, from the DevToolsActivePort file it writes into its profile. */
  private static int devToolsPort(Path profile, Process process, Path log) throws IOException, InterruptedException {
    Path portFile = profile.resolve("DevToolsActivePort");
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("Chromium exited with " + process.exitValue() + ": " + Files.readString(log));
      }
      if (Files.exists(portFile)) {
        List<String> lines = Files.readAllLines(portFile);
        if (lines.size() >= 2) {
          return Integer.parseInt(lines.get(0).trim());
        }
      }
      Thread.sleep(50);
    }
    throw new IOException("Chromium wrote no DevToolsActivePort within " + TIMEOUT.toSeconds() + " s");
  }

  /** The DevTools socket of the first tab, which may take a moment to appear. */
  private static String pageSocket(HttpClient http, int port) throws IOException, InterruptedException {
    HttpRequest list = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
        .timeout(TIMEOUT).build();
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      for (JsonNode target : JSON.readTree(http.send(list, HttpResponse.BodyHandlers.ofString()).body())) {
        if (target.path("type").asText().equals("page")) {
          return target.path("webSocketDebuggerUrl").asText();
        }
      }
      Thread.sleep(50);
    }
    throw new IOException("Chromium opened no tab within " + TIMEOUT.toSeconds() + " s");
  }

  /** Kills the browser and its helpers (renderer, GPU, zygote) and waits until they are gone. */
  private static void kill(Process process) {
    List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
    all.add(process.toHandle());
    all.forEach(ProcessHandle::destroyForcibly);
    try {
      for (ProcessHandle p : all) {
        p.onExit().get(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Chromium did not exit within 10 s of being killed", e);
    }
  }

  /** Routes replies to their callers and turns error events into lines. */
  private static final class Listener implements WebSocket.Listener {
    private final Map<Integer, CompletableFuture<JsonNode>> pending;
    private final List<String> errors;
    private final AtomicReference<CompletableFuture<Void>> load;
    private final StringBuilder partial = new StringBuilder();

    Listener(Map<Integer, CompletableFuture<JsonNode>> pending, List<String> errors,
        AtomicReference<CompletableFuture<Void>> load) {
      this.pending = pending;
      this.errors = errors;
      this.load = load;
    }

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String text = partial.toString();
        partial.setLength(0);
        try {
          handle(JSON.readTree(text));
        } catch (IOException e) {
          errors.add("unreadable DevTools message: " + e.getMessage());
        }
      }
      socket.request(1);
      return null;
    }

    private void handle(JsonNode message) {
      if (message.has("id")) {
        CompletableFuture<JsonNode> caller = pending.remove(message.path("id").asInt());
        if (caller != null) {
          caller.complete(message);
        }
        return;
      }
      JsonNode params = message.path("params");
      switch (message.path("method").asText()) {
        case "Page.loadEventFired" -> load.get().complete(null);
        case "Runtime.consoleAPICalled" -> {
          String type = params.path("type").asText();
          if (type.equals("error") || type.equals("assert")) {
            List<String> args = new ArrayList<>();
            params.path("args").forEach(a -> args.add(a.has("value") ? a.path("value").asText()
                : a.path("description").asText(a.path("type").asText())));
            errors.add("console." + type + ": " + String.join(" ", args));
          }
        }
        case "Runtime.exceptionThrown" -> {
          JsonNode details = params.path("exceptionDetails");
          String text = details.path("exception").path("description").asText(details.path("text").asText());
          errors.add("uncaught: " + text);
        }
        case "Log.entryAdded" -> {
          JsonNode entry = params.path("entry");
          if (entry.path("level").asText().equals("error")) {
            errors.add("log (" + entry.path("source").asText() + "): " + entry.path("text").asText() + " "
                + entry.path("url").asText());
          }
        }
        default -> { }
      }
    }

    @Override
    public void onError(WebSocket socket, Throwable error) {
      pending.values().forEach(f -> f.completeExceptionally(error));
      load.get().completeExceptionally(error);
    }
  }
}
