package vn.inspectorate.platform.proxy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

/**
 * A service behind the gateway answers URLs under the public address the gateway forwards (X-Forwarded-Proto, -Host,
 * -Port), as the gateway passes them (here from loopback).
 */
@QuarkusTest
class ForwardedAddressTest {

    @Test
    void locationIsUnderTheForwardedPublicAddress() {
        given().header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "api.example.gov.vn")
                .header("X-Forwarded-Port", "443").post("/probe-location")
                .then().statusCode(201).header("Location", equalTo("https://api.example.gov.vn/probe-location/42"));
        given().header("X-Forwarded-Proto", "http").header("X-Forwarded-Host", "gateway.internal")
                .header("X-Forwarded-Port", "8080").post("/probe-location")
                .then().statusCode(201).header("Location", equalTo("http://gateway.internal:8080/probe-location/42"));
    }

    @Test
    void withoutForwardedHeadersItIsTheServicesOwnAddress() {
        given().post("/probe-location").then().statusCode(201)
                .header("Location", equalTo("http://localhost:" + RestAssured.port + "/probe-location/42"));
    }
}
