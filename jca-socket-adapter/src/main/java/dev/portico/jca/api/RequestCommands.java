package dev.portico.jca.api;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The name of each request's command as operators count it: the FeatherBase operation as sent on the
 * wire ({@code addrow}), the customer directory's menu choice by meaning ({@code find}), {@code intake}
 * for a rental intake. Requests the protocol refused before decoding have no command.
 */
public final class RequestCommands {

    /** Every command of each protocol, in the order the protocol's description lists them. */
    public static final Map<String, List<String>> BY_PROTOCOL = Map.of(
            "customer-directory", List.of("find", "add", "delete", "update_age", "update_address", "update_phone", "report", "export"),
            "featherbase", List.of("createdb", "getdbs", "deldb", "renamedb", "addtbl", "gettbls", "deltbl", "renametbl",
                    "addcol", "delcol", "renamecol", "addrow", "getrow", "getcell", "owrow", "owcell", "auth"),
            "rental-intake", List.of("intake"));

    private RequestCommands() {
    }

    /** The commands of {@code protocol}; none for an unknown one. */
    public static List<String> known(String protocol) {
        return BY_PROTOCOL.getOrDefault(protocol, List.of());
    }

    /** The command a decoded request carries; a request or command of another type is named by its class, lower-cased. */
    public static String of(Object request) {
        if (request instanceof RentalIntakeRequest) {
            return "intake";
        }
        Object command = request instanceof FeatherBaseRequest r ? r.command() : request;
        String name = NAMES.get(command.getClass());
        return name != null ? name : command.getClass().getSimpleName().toLowerCase(Locale.ROOT);
    }

    private static final Map<Class<?>, String> NAMES = Map.ofEntries(
            Map.entry(CustomerDirectoryRequest.Find.class, "find"),
            Map.entry(CustomerDirectoryRequest.Add.class, "add"),
            Map.entry(CustomerDirectoryRequest.Delete.class, "delete"),
            Map.entry(CustomerDirectoryRequest.UpdateAge.class, "update_age"),
            Map.entry(CustomerDirectoryRequest.UpdateAddress.class, "update_address"),
            Map.entry(CustomerDirectoryRequest.UpdatePhone.class, "update_phone"),
            Map.entry(CustomerDirectoryRequest.Report.class, "report"),
            Map.entry(CustomerDirectoryRequest.Export.class, "export"),
            Map.entry(FeatherBaseCommand.CreateDatabase.class, "createdb"),
            Map.entry(FeatherBaseCommand.ListDatabases.class, "getdbs"),
            Map.entry(FeatherBaseCommand.DeleteDatabase.class, "deldb"),
            Map.entry(FeatherBaseCommand.RenameDatabase.class, "renamedb"),
            Map.entry(FeatherBaseCommand.AddTable.class, "addtbl"),
            Map.entry(FeatherBaseCommand.ListTables.class, "gettbls"),
            Map.entry(FeatherBaseCommand.DeleteTable.class, "deltbl"),
            Map.entry(FeatherBaseCommand.RenameTable.class, "renametbl"),
            Map.entry(FeatherBaseCommand.AddColumn.class, "addcol"),
            Map.entry(FeatherBaseCommand.DeleteColumn.class, "delcol"),
            Map.entry(FeatherBaseCommand.RenameColumn.class, "renamecol"),
            Map.entry(FeatherBaseCommand.AddRow.class, "addrow"),
            Map.entry(FeatherBaseCommand.GetRow.class, "getrow"),
            Map.entry(FeatherBaseCommand.GetCell.class, "getcell"),
            Map.entry(FeatherBaseCommand.OverwriteRow.class, "owrow"),
            Map.entry(FeatherBaseCommand.OverwriteCell.class, "owcell"),
            Map.entry(FeatherBaseCommand.Authenticate.class, "auth"));
}
