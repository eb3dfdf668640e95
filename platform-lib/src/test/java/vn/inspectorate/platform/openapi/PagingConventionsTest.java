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

    private static Operation operation(String... queryParameters) {
        Operation op = OASFactory.createOperation()
                .responses(OASFactory.createAPIResponses().addAPIResponse("200", OASFactory.createAPIResponse()));
        for (String name : queryParameters) {
            op.addParameter(OASFactory.createParameter().name(name).in(Parameter.In.QUERY));
        }
        return op;
    }
}
