package kz.appeals.systemtests.fuzz;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * One generated request: what it breaks on purpose ({@code defect}), what else it does to the service
 * ({@code noise}), and the bytes sent. {@link #describe} is what a failure report prints to reproduce it.
 */
public record FuzzRequest(long index, Operation operation, Defect defect, List<String> noise, String method,
                          String uri, List<String[]> headers, byte[] body) {

    /** Over every service's transport limit (64 KiB to 64 MiB): the server may cut the connection while we send. */
    public boolean oversized() {
        return body != null && body.length > 1_048_576;
    }

    public HttpRequest toHttpRequest(Duration timeout) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(uri)).timeout(timeout)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(header -> builder.header(header[0], header[1]));
        return builder.build();
    }

    public String describe() {
        StringBuilder text = new StringBuilder()
                .append('#').append(index).append(' ').append(operation.name())
                .append(" defect=").append(defect).append(" noise=").append(noise).append('\n')
                .append("  ").append(method).append(' ').append(abbreviate(uri, 400)).append('\n');
        headers.forEach(header -> text.append("  ").append(header[0]).append(": ")
                .append(abbreviate(header[1], 200)).append('\n'));
        if (body != null) {
            text.append("  body (").append(body.length).append(" bytes): ")
                    .append(abbreviate(new String(body, 0, Math.min(body.length, 400), StandardCharsets.UTF_8), 400))
                    .append('\n');
        }
        return text.toString();
    }

    public static String abbreviate(String text, int max) {
        String printable = text.replaceAll("\\p{Cntrl}", "\uFFFD");
        return printable.length() <= max ? printable : printable.substring(0, max) + "…(" + text.length() + " chars)";
    }
}
