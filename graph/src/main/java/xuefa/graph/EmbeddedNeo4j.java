package xuefa.graph;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.io.ByteUnit;
import org.neo4j.server.security.auth.LegacyCredential;

/**
 * Runs the real Neo4j Community engine in this JVM with Bolt on a loopback port, so the Node server can
 * use it exactly as it would use a standalone server. Configuration comes from system properties:
 * xuefa.dataDir (default ./.data/neo4j), xuefa.boltPort (7687), xuefa.pageCache (512m),
 * xuefa.txMemory (1g), xuefa.passwordFile (the password of the `neo4j` user; authentication is required
 * when it is given). Prints one line "XUEFA_NEO4J_READY bolt://127.0.0.1:PORT" when it accepts
 * connections, and shuts the database down cleanly on SIGTERM/SIGINT or when stdin closes (the parent
 * process died), so no committed transaction is lost.
 */
public final class EmbeddedNeo4j {
  private EmbeddedNeo4j() {}

  public static void main(String[] args) throws Exception {
    Path dataDir = Path.of(System.getProperty("xuefa.dataDir", ".data/neo4j")).toAbsolutePath();
    int port = Integer.parseInt(System.getProperty("xuefa.boltPort", "7687"));
    String pageCache = System.getProperty("xuefa.pageCache", "512m");
    String txMemory = System.getProperty("xuefa.txMemory", "1g");
    String passwordFile = System.getProperty("xuefa.passwordFile");
    String password = passwordFile == null ? null : Files.readString(Path.of(passwordFile), StandardCharsets.UTF_8).trim();
    // A fresh store takes its first user from data/dbms/auth.ini, so Bolt never accepts the default
    // password neo4j/neo4j, not even for the moment between opening the port and changing it.
    boolean freshStore = !Files.exists(dataDir.resolve("data/databases/system"));
    if (password != null && freshStore) {
      Path authIni = dataDir.resolve("data/dbms/auth.ini");
      Files.createDirectories(authIni.getParent());
      Files.writeString(authIni, "neo4j:" + LegacyCredential.forPassword(password).serialize() + ":\n", StandardCharsets.UTF_8);
    }

    DatabaseManagementService dbms;
    try {
      dbms = new DatabaseManagementServiceBuilder(dataDir)
          .setConfig(BoltConnector.enabled, true)
          .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
          .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
          .setConfig(HttpConnector.enabled, false)
          .setConfig(GraphDatabaseSettings.auth_enabled, password != null)
          .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.parse(pageCache))
          .setConfig(GraphDatabaseSettings.memory_transaction_global_max_size, ByteUnit.parse(txMemory))
          .setConfig(GraphDatabaseSettings.shutdown_transaction_end_timeout, Duration.ofSeconds(10))
          .build();
    } catch (Throwable e) {
      Throwable root = e;
      while (root.getCause() != null) root = root.getCause();
      System.err.println("XUEFA_NEO4J_FAILED " + root.getClass().getSimpleName() + ": " + root.getMessage());
      System.exit(2);
      return;
    }

    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      dbms.shutdown();
      stopped.countDown();
    }, "xuefa-neo4j-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);

    // A store made before authentication was on (or with another password file): its neo4j user gets
    // the password of the file. The embedded API is not subject to Bolt authentication.
    if (password != null && !freshStore) {
      try {
        dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
            "ALTER USER neo4j SET PLAINTEXT PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
      } catch (QueryExecutionException e) {
        // Setting the password it already has is refused ("the same"): nothing to do.
        if (!String.valueOf(e.getMessage()).toLowerCase().contains("same")) throw e;
      }
    }

    // Touch the default database so that "ready" means queries will succeed.
    dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).executeTransactionally("RETURN 1");
    System.out.println("XUEFA_NEO4J_READY bolt://127.0.0.1:" + port + " data=" + dataDir);
    System.out.flush();

    // When the parent goes away, stdin reaches EOF: stop rather than linger holding the store lock.
    Thread watchdog = new Thread(() -> {
      try {
        while (System.in.read() != -1) { /* ignore input */ }
      } catch (Exception ignored) {
        // treat as EOF
      }
      System.exit(0);
    }, "xuefa-neo4j-stdin");
    watchdog.setDaemon(true);
    watchdog.start();
    stopped.await();
  }
}
