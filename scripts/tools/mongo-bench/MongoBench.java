import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.concurrent.CountDownLatch;

/**
 * A MongoDB-protocol server keeping everything in memory (mongo-java-server's MemoryBackend), for benchmarks and
 * the second run of the persistence integration suites. Nothing persists: a restart starts empty.
 *
 * Usage: java -cp 'lib/*:.' MongoBench [host] [port]   (defaults 127.0.0.1 27019)
 */
public final class MongoBench {
  private MongoBench() {}

  public static void main(String[] args) throws InterruptedException {
    String host = args.length > 0 ? args[0] : "127.0.0.1";
    int port = args.length > 1 ? Integer.parseInt(args[1]) : 27019;
    MongoServer server = new MongoServer(new MemoryBackend());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.shutdownNow();
                  stopped.countDown();
                }));
    server.bind(host, port);
    System.out.println("mongo-bench: mongo-java-server (memory backend) listening on " + host + ":" + port);
    stopped.await();
  }
}
