package kz.appeals.systemtests;

import kz.appeals.testing.SampleCitizens;
import kz.appeals.testing.TestInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what every topic received during a run and reports personal data in it: the run's own applicants' IINs,
 * names and phone numbers anywhere (dead-letter topics included; numbers compared digit by digit, so "8 (701)
 * 123-45-67" is the same phone as "+77011234567"), and on the lifecycle topics anything shaped like an IIN (12
 * digits passing the checksum, also written in groups), a Kazakh mobile number or an e-mail address. Dead-letter
 * topics may hold what tests injected on purpose, so only the run's own secrets count there.
 */
final class PersonalDataScan {

    /** 12 digits standing alone: not part of a UUID's last group or of a longer number. */
    private static final Pattern IIN_SHAPED = Pattern.compile("(?<![0-9A-Fa-f-])\\d{12}(?![0-9A-Fa-f])");
    /** The same in groups ("900101 300017", "9001.0130.0017"); not with dashes, which join a UUID's groups. */
    private static final Pattern GROUPED_IIN =
            Pattern.compile("(?<![0-9A-Fa-f-])\\d(?:[ .\\u00A0]{0,2}\\d){11}(?![0-9A-Fa-f])");
    private static final Pattern MOBILE = Pattern.compile(
            "(?<!\\d)(?:\\+ ?7|8)[ (.\\u00A0-]*7\\d{2}[ ).\\u00A0-]*\\d{3}[ .\\u00A0-]*\\d{2}[ .\\u00A0-]*\\d{2}(?!\\d)");
    private static final Pattern EMAIL =
            Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*\\.\\p{L}{2,}");

    private PersonalDataScan() {
    }

    /** Where each topic of the broker ends now: the start of the window {@link #findings} reads. */
    static Map<TopicPartition, Long> endOffsets() {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            return consumer.endOffsets(partitions(consumer));
        }
    }

    /** @return one line per record and finding, empty when the window holds none */
    static List<String> findings(Map<TopicPartition, Long> since, Set<String> secrets) {
        List<String> findings = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            consumer.assign(partitions);
            for (TopicPartition partition : partitions) {
                consumer.seek(partition, since.getOrDefault(partition, 0L));
            }
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofSeconds(1))) {
                    if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
                        inspect(record, secrets, findings);
                    }
                }
            }
        }
        return findings;
    }

    private static void inspect(ConsumerRecord<String, String> record, Set<String> secrets, List<String> findings) {
        StringBuilder text = new StringBuilder(String.valueOf(record.key())).append('\n')
                .append(String.valueOf(record.value()));
        for (Header header : record.headers()) {
            text.append('\n').append(header.key()).append('=')
                    .append(new String(header.value(), StandardCharsets.UTF_8));
        }
        String where = record.topic() + "/" + record.partition() + "/" + record.offset();
        String digits = text.toString().replaceAll("\\D", "");
        for (String secret : secrets) {
            boolean number = secret.matches("\\+?[\\d ()-]+");
            if (text.indexOf(secret) >= 0 || number && digits.contains(secret.replaceAll("\\D", ""))) {
                findings.add(where + ": contains the applicant's " + secret);
            }
        }
        if (record.topic().startsWith("appeals.dlq.")) {
            return;
        }
        for (Pattern shape : List.of(IIN_SHAPED, GROUPED_IIN)) {
            Matcher iin = shape.matcher(text);
            while (iin.find()) {
                if (SampleCitizens.isValidIin(iin.group().replaceAll("\\D", ""))) {
                    findings.add(where + ": an IIN-shaped number " + iin.group());
                }
            }
        }
        Matcher email = EMAIL.matcher(text);
        while (email.find()) {
            findings.add(where + ": an e-mail address " + email.group());
        }
        Matcher mobile = MOBILE.matcher(text);
        while (mobile.find()) {
            findings.add(where + ": a phone number " + mobile.group());
        }
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, String> consumer) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.KAFKA_BOOTSTRAP))) {
            Set<String> topics = admin.listTopics().names().get();
            return topics.stream().filter(topic -> topic.startsWith("appeals."))
                    .flatMap(topic -> consumer.partitionsFor(topic).stream()
                            .map(info -> new TopicPartition(topic, info.partition())))
                    .toList();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted listing topics", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot list the broker's topics", e);
        }
    }

    private static KafkaConsumer<String, String> consumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.KAFKA_BOOTSTRAP,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer());
    }
}
