package io.gureum.bench.h2o;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import water.ExtensionManager;
import water.H2O;

/**
 * A one-node H2O cloud inside this JVM, reachable from this machine only: both of its ports (the web port and the one above
 * it, for node-to-node traffic) are bound to 127.0.0.1, and a flatfile naming only itself keeps it from looking for peers by
 * multicast. Its name is unique, so that two bench runs side by side never join into one cloud.
 */
final class H2oCloud {
  private H2oCloud() {}

  static void start(Path workDir, int threads) throws IOException {
    int port = freePortPair();
    Path flatfile = Files.writeString(workDir.resolve("flatfile"), "127.0.0.1:" + port + "\n");
    Path iceRoot = Files.createDirectories(workDir.resolve("ice"));
    H2O.main(new String[] {
        "-name", "gureum-bench-h2o-" + UUID.randomUUID(),
        "-ip", "127.0.0.1", "-web_ip", "127.0.0.1", "-port", Integer.toString(port), "-flatfile", flatfile.toString(),
        "-ice_root", iceRoot.toString(), "-log_dir", iceRoot.resolve("logs").toString(),
        "-nthreads", Integer.toString(threads),
        // the progress a bench reader needs is printed by the peer; H2O's INFO lines would bury it
        "-log_level", "WARN",
        "-disable_flow"});
    // H2O.main leaves the REST extensions to its caller; the algorithms (GBM, XGBoost, ...) register themselves through them,
    // and without them AutoML finds no model builders
    ExtensionManager.getInstance().registerRestApiExtensions();
    H2O.waitForCloudSize(1, 60_000);
  }

  /** A port p on 127.0.0.1 with p + 1 also free, as H2O takes both. */
  private static int freePortPair() throws IOException {
    InetAddress loopback = InetAddress.getLoopbackAddress();
    for (int attempt = 0; attempt < 50; attempt++) {
      int port;
      try (ServerSocket s = new ServerSocket(0, 1, loopback)) {
        port = s.getLocalPort();
      }
      if (port >= 65535) continue;
      try (ServerSocket s = new ServerSocket(port, 1, loopback); ServerSocket next = new ServerSocket(port + 1, 1, loopback)) {
        return port;
      } catch (IOException taken) {
        // someone else holds p or p + 1: draw again
      }
    }
    throw new IOException("found no two free adjacent ports on 127.0.0.1");
  }
}
