package vn.inspectorate.platform.naturalkey;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

class WrittenTest {

    record Plan(String id) {
    }

    @Test
    void aCreatedRecordIs201WithItsAddress() {
        Response response = Written.created(new Plan("p-1")).response(p -> "/api/v1/inspection-plans/" + p.id());

        assertThat(response.getStatus()).isEqualTo(201);
        assertThat(response.getEntity()).isEqualTo(new Plan("p-1"));
        assertThat(response.getLocation()).hasToString("/api/v1/inspection-plans/p-1");
    }

    @Test
    void anExistingRecordIs200WithTheRecordFound() {
        Response response = Written.existing(new Plan("p-2")).response();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getEntity()).isEqualTo(new Plan("p-2"));
        assertThat(response.getLocation()).isNull();
    }
}
