package dev.portico.jca.api;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Commands are named as operators count them: FeatherBase's wire operation, the customer directory's choice by meaning. */
class RequestCommandsTest {

    @Test
    void featherBaseCommandsAreNamedAsOnTheWire() {
        assertEquals("addrow", RequestCommands.of(new FeatherBaseRequest(null, new FeatherBaseCommand.AddRow("d", "t", List.of("v")))));
        assertEquals("getdbs", RequestCommands.of(new FeatherBaseRequest("u", new FeatherBaseCommand.ListDatabases())));
        assertEquals("auth", RequestCommands.of(new FeatherBaseRequest(null, new FeatherBaseCommand.Authenticate("u", "p"))));
        assertEquals("owcell", RequestCommands.of(new FeatherBaseRequest(null, new FeatherBaseCommand.OverwriteCell("d", "t", 1, "c", "v"))));
    }

    @Test
    void customerDirectoryAndRentalRequestsAreNamedByMeaning() {
        assertEquals("find", RequestCommands.of(new CustomerDirectoryRequest.Find("x")));
        assertEquals("update_phone", RequestCommands.of(new CustomerDirectoryRequest.UpdatePhone("x", "1")));
        assertEquals("export", RequestCommands.of(new CustomerDirectoryRequest.Export()));
        assertEquals("intake", RequestCommands.of(new RentalIntakeRequest(new RentalValue.Items(List.of()))));
    }

    @Test
    void aRequestOfAnotherTypeIsNamedByItsClass() {
        assertEquals("string", RequestCommands.of("a semicolon frame"));
    }

    @Test
    void everyCommandOfEachProtocolIsListedOnce() {
        assertEquals(17, RequestCommands.known("featherbase").size());
        assertEquals(8, RequestCommands.known("customer-directory").size());
        assertEquals(List.of("intake"), RequestCommands.known("rental-intake"));
        RequestCommands.BY_PROTOCOL.values().forEach(commands -> assertEquals(commands.size(), commands.stream().distinct().count()));
        assertEquals(List.of(), RequestCommands.known("gopher"));
    }
}
