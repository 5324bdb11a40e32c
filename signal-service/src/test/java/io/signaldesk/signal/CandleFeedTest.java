package io.signaldesk.signal;

import static io.signaldesk.localstack.TestSql.count;
import static io.signaldesk.signal.CandleIngestTest.bar;
import static io.signaldesk.signal.CandleIngestTest.crafted;
import static io.signaldesk.signal.CandleIngestTest.engine;
import static io.signaldesk.signal.CandleIngestTest.instrument;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.signaldesk.localstack.LocalInfraTestResource;
import io.signaldesk.localstack.TestTopics;
import io.signaldesk.signal.strategy.FibRsi;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** candles.v1 from a feed through a real broker: one decision per bar however often the bars come. */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class, restrictToAnnotatedClass = false)
class CandleFeedTest {

    static ProducerRecord<String, String> candlesClosed(String eventId, String instrument, String payload) {
        return candlesClosed(eventId, "/feeds/test", instrument, payload);
    }

    static ProducerRecord<String, String> candlesClosed(
            String eventId, String source, String instrument, String payload) {
        Map<String, String> cfg = LocalInfraTestResource.current;
        ProducerRecord<String, String> r = new ProducerRecord<>(
                cfg.get("signaldesk.kafka.topic-prefix") + "candles.v1", instrument + ":H1", payload);
        r.headers()
                .add("ce_specversion", b("1.0"))
                .add("ce_id", b(eventId))
                .add("ce_type", b("io.signaldesk.CandlesClosed"))
                .add("ce_source", b(source))
                .add("content-type", b("application/json"));
        return r;
    }

    static String payload(String instrument, List<FibRsi.Candle> bars) {
        JsonArray a = new JsonArray();
        bars.forEach(c -> a.add(bar(c)));
        return new JsonObject()
                .put("instrument", instrument)
                .put("timeframe", "H1")
                .put("candles", a)
                .encode();
    }

    static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static void send(List<ProducerRecord<String, String>> records) throws Exception {
        try (KafkaProducer<String, String> p = new KafkaProducer<>(
                Map.of("bootstrap.servers", LocalInfraTestResource.current.get("kafka.bootstrap.servers")),
                new StringSerializer(),
                new StringSerializer())) {
            for (ProducerRecord<String, String> r : records) {
                p.send(r).get();
            }
        }
    }

    static long inbox(String... eventIds) throws Exception {
        return count("SELECT count(*) FROM signal.inbox WHERE consumer = 'signal-service.candles' AND event_id IN ('"
                + String.join("','", eventIds) + "')");
    }

    @Test
    void oneEventDeliveredTwiceAndTheSameBarsFromASecondFeedMakeOneSignal() throws Exception {
        String instrument = instrument();
        String strategyId = engine(instrument, new JsonObject());
        String bars = payload(instrument, crafted(0));
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        send(List.of(
                candlesClosed(first, instrument, bars),
                candlesClosed(first, instrument, bars),
                candlesClosed(second, "/feeds/backup", instrument, bars)));

        // one key, one partition, in order: once the second feed's event is in the inbox, all three were consumed
        await().atMost(Duration.ofSeconds(30)).until(() -> inbox(first, second) == 2);
        assertThat(count("SELECT count(*) FROM signal.candles WHERE instrument = '" + instrument + "'"))
                .isEqualTo(95);
        // the first feed stored them; the backup feed's identical bars were duplicates
        assertThat(count("SELECT count(*) FROM signal.candles WHERE instrument = '" + instrument
                        + "' AND source = 'feed:/feeds/test'"))
                .isEqualTo(95);
        assertThat(count("SELECT count(*) FROM signal.signals WHERE strategy_id = '" + strategyId + "'"))
                .isEqualTo(1);
        List<ConsumerRecord<String, String>> published =
                TestTopics.read("signals.v1", r -> strategyId.equals(r.key()), 1, Duration.ofSeconds(2));
        assertThat(published).hasSize(1);
        assertThat(new JsonObject(published.get(0).value()).getString("side")).isEqualTo("BUY");
    }

    @Test
    void unusableBarsGoToTheDeadLetterTopicAndTheFeedMovesOn() throws Exception {
        String instrument = instrument();
        List<FibRsi.Candle> bars = crafted(0);
        FibRsi.Candle c = bars.get(0);
        // high below low: never storable
        String poison = payload(
                instrument,
                List.of(new FibRsi.Candle(c.time(), c.open(), c.low(), c.high().add(c.high()), c.close(), c.volume())));
        // a bar contradicting a stored one (bar 1 with another close): never storable either
        FibRsi.Candle b1 = bars.get(1);
        String contradiction = payload(
                instrument,
                List.of(new FibRsi.Candle(
                        b1.time(),
                        b1.open(),
                        b1.high().add(b1.high()),
                        b1.low(),
                        b1.high().add(b1.high()),
                        b1.volume())));
        String poisonId = UUID.randomUUID().toString();
        String nextId = UUID.randomUUID().toString();
        String conflictId = UUID.randomUUID().toString();
        String lastId = UUID.randomUUID().toString();
        send(List.of(
                candlesClosed(poisonId, instrument, poison),
                candlesClosed(nextId, instrument, payload(instrument, bars.subList(1, 3))),
                candlesClosed(conflictId, instrument, contradiction),
                candlesClosed(lastId, instrument, payload(instrument, bars.subList(3, 4)))));

        await().atMost(Duration.ofSeconds(30)).until(() -> inbox(lastId) == 1);
        assertThat(inbox(nextId)).isEqualTo(1);
        assertThat(inbox(poisonId, conflictId)).isZero();
        assertThat(count("SELECT count(*) FROM signal.candles WHERE instrument = '" + instrument + "'"))
                .isEqualTo(3);
        List<ConsumerRecord<String, String>> dead =
                TestTopics.read("dlq.signal-service.candles.v1", r -> r.value().contains(instrument), 2, Duration.ZERO);
        assertThat(dead).extracting(ConsumerRecord::value).containsExactly(poison, contradiction);
    }
}
