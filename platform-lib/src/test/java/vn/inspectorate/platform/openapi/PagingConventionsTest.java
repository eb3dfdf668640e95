package vn.inspectorate.platform.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.junit.jupiter.api.Test;

class PagingConventionsTest {

    @Test
    void aListTakingAfterIsDescribedWithItsLinkHeader() {
        Operation list = operation("after", "size", "province");
        PagingConventions.describe(list);
        assertThat(list.getParameters()).filteredOn(p -> p.getName().equals("after")).first()
                .extracting(Parameter::getDescription).isEqualTo(PagingConventions.AFTER);
        assertThat(list.getParameters()).filteredOn(p -> p.getName().equals("size")).first()
                .extracting(Parameter::getDescription).isEqualTo(PagingConventions.SIZE);
        assertThat(list.getParameters()).filteredOn(p -> p.getName().equals("province")).first()
                .extracting(Parameter::getDescription).isNull();
        assertThat(list.getResponses().getAPIResponse("200").getHeaders()).containsKey("Link");
    }

    @Test
    void anOperationWithoutAfterIsLeftAlone() {
        Operation read = operation("size");
        PagingConventions.describe(read);
        assertThat(read.getParameters().get(0).getDescription()).isNull();
        assertThat(read.getResponses().getAPIResponse("200").getHeaders()).isNull();
    }

    @Test
    void aPageIsNamedAfterItsItems() {
        var items = OASFactory.createSchema().items(OASFactory.createSchema().ref("WatchlistEntry"));
        var page = OASFactory.createSchema().addProperty("items", items)
                .addProperty("size", OASFactory.createSchema()).addProperty("next", OASFactory.createSchema())
                .addProperty("total", OASFactory.createSchema());
        Operation list = operation("after");
        list.getResponses().getAPIResponse("200").content(OASFactory.createContent().addMediaType("application/json",
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref("PageEntry"))));
        var api = OASFactory.createOpenAPI()
                .components(OASFactory.createComponents().addSchema("PageEntry", page))
                .paths(OASFactory.createPaths().addPathItem("/list", OASFactory.createPathItem().GET(list)));
        PagingConventions.namePages(api);
        assertThat(api.getComponents().getSchemas()).containsOnlyKeys("PageWatchlistEntry");
        assertThat(list.getResponses().getAPIResponse("200").getContent().getMediaType("application/json")
                .getSchema().getRef()).isEqualTo("#/components/schemas/PageWatchlistEntry");
    }

    private static Operation operation(String... queryParameters) {
        Operation op = OASFactory.createOperation()
                .responses(OASFactory.createAPIResponses().addAPIResponse("200", OASFactory.createAPIResponse()));
        for (String name : queryParameters) {
            op.addParameter(OASFactory.createParameter().name(name).in(Parameter.In.QUERY));
        }
        return op;
    }
}
