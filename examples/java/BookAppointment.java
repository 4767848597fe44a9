// Books the bundled example request against a running `shopsched serve`, with the JDK alone.
//
//   java BookAppointment.java [BASE_URL] [SNAPSHOT] [REQUEST] [NOW]
//
// BASE_URL defaults to http://127.0.0.1:8080; SNAPSHOT and REQUEST to the repository's
// datasets/booking/snapshot.json and request-created.json (run from the repository's root);
// NOW to 2026-11-23T07:30. The API key is read from the environment variable SHOPSCHED_API_KEY
// (absent: no Authorization header, for a server started with --allow-no-auth).
//
// The body is one JSON object whose members are the two files as they are: the server reads
// each with the same reader as `shopsched book`, and answers with the decision it writes.
// Exit status: 0 when the appointment was created, 3 when not (conflicts or denied), 2 on a
// 4xx answer (its problem details are printed), 1 on anything else.

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

public class BookAppointment {
    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://127.0.0.1:8080";
        Path snapshot = Path.of(args.length > 1 ? args[1] : "datasets/booking/snapshot.json");
        Path request = Path.of(args.length > 2 ? args[2] : "datasets/booking/request-created.json");
        String now = args.length > 3 ? args[3] : "2026-11-23T07:30";

        String body = "{\"snapshot\": " + Files.readString(snapshot)
                + ", \"request\": " + Files.readString(request)
                + ", \"now\": \"" + now + "\"}";

        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + "/v1/bookings:decide"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        String key = System.getenv("SHOPSCHED_API_KEY");
        if (key != null && !key.isEmpty()) {
            builder.header("Authorization", "Bearer " + key);
        }

        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        String requestId = response.headers().firstValue("X-Request-Id").orElse("-");
        System.err.println("HTTP " + response.statusCode() + " (request id " + requestId + ")");
        System.out.print(response.body());

        if (response.statusCode() == 200) {
            // The decision's outcome: "created", "conflicts" or "denied".
            boolean created = response.body().matches("(?s).*\"outcome\"\\s*:\\s*\"created\".*");
            System.exit(created ? 0 : 3);
        }
        System.exit(response.statusCode() >= 400 && response.statusCode() < 500 ? 2 : 1);
    }
}
