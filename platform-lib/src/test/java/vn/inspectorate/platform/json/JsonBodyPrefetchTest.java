package vn.inspectorate.platform.json;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A small JSON body is read before the operation's worker takes the request; a large one streams to it. */
@QuarkusTest
class JsonBodyPrefetchTest {

    private static String body(int nameLength) {
        return "{\"name\":\"" + "x".repeat(nameLength) + "\",\"count\":1,\"color\":\"RED\"}";
    }

    @Test
    void aSmallBodyReachesTheReaderAlreadyRead() {
        ReaderStreamProbe.LAST.set(null);
        given().contentType(ContentType.JSON).body(body(10)).when().post("/probe").then().statusCode(200)
                .body("count", equalTo(1));
        assertThat(ReaderStreamProbe.LAST.get()).isEqualTo("ByteArrayInputStream");
    }

    @Test
    void aSmallBodySentInChunksIsReadWholeToo() {
        ReaderStreamProbe.LAST.set(null);
        byte[] bytes = body(10).getBytes(StandardCharsets.UTF_8);
        given().contentType(ContentType.JSON).body(new ByteArrayInputStream(bytes)).when().post("/probe").then()
                .statusCode(200).body("count", equalTo(1));
        assertThat(ReaderStreamProbe.LAST.get()).isEqualTo("ByteArrayInputStream");
    }

    @Test
    void aBodyLargerThanThePrefetchStreamsToTheWorkerWhole() {
        ReaderStreamProbe.LAST.set(null);
        int length = (int) JsonBodyPrefetch.PREFETCHED + 4_000;
        given().contentType(ContentType.JSON).body(body(length)).when().post("/probe").then().statusCode(200)
                .body("name.length()", equalTo(length));
        assertThat(ReaderStreamProbe.LAST.get()).isNotEqualTo("ByteArrayInputStream");
    }
}
