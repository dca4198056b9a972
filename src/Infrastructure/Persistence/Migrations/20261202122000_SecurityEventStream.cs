using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace InfiniteSecurity.Infrastructure.Persistence.Migrations;

/// <summary>
/// The security event stream (ADR 0018): triggers copy every stored threat and every audit event (except
/// THREAT_DETECTED, which repeats the threat) into security_events in the writing transaction, so the writers stay
/// as they are. On PostgreSQL each row also records its transaction id (xid8 as bigint; 64-bit and epoch-extended,
/// so it never wraps), which the reader compares with the snapshot's xmin. Rows written before this migration are
/// copied once, so a SIEM starting now can read the history that retention kept. Hand-written (0003).
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261202122000_SecurityEventStream")]
public sealed class SecurityEventStream : Migration
{
    private const string Columns =
        "xact, id, occurred_at, kind, event_type, actor, source_ip, user_agent, outcome, details, category, severity, confidence, risk_score, blocked, rule_ids, locations, request_id";

    private const string ThreatValues =
        "{0}, {1}id, {1}detected_at, 'threat', 'THREAT_DETECTED', {1}user_id, {1}source_ip, NULL, {1}action, NULL, {1}category, {1}severity, {1}confidence, {1}risk_score, {1}blocked, {1}patterns_matched, {1}locations, {1}request_id";

    private const string AuditValues =
        "{0}, {1}id, {1}occurred_at, 'audit', {1}event_type, {1}actor, {1}ip_address, {1}user_agent, {1}outcome, {1}details, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var postgres = !migrationBuilder.IsSqlite();
        migrationBuilder.CreateTable(
            name: "security_events",
            columns: t => new
            {
                position = t.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                xact = t.Column<long>(nullable: false, defaultValueSql: postgres ? "(pg_current_xact_id()::text::bigint)" : "0"),
                id = t.Column<Guid>(nullable: false),
                occurred_at = t.Column<DateTime>(nullable: false),
                kind = t.Column<string>(maxLength: 16, nullable: false),
                event_type = t.Column<string>(maxLength: 64, nullable: false),
                actor = t.Column<string>(maxLength: 128, nullable: true),
                source_ip = t.Column<string>(maxLength: 64, nullable: true),
                user_agent = t.Column<string>(maxLength: 512, nullable: true),
                outcome = t.Column<string>(maxLength: 32, nullable: false),
                details = t.Column<string>(maxLength: 2000, nullable: true),
                category = t.Column<string>(maxLength: 32, nullable: true),
                severity = t.Column<string>(maxLength: 16, nullable: true),
                confidence = t.Column<double>(nullable: true),
                risk_score = t.Column<int>(nullable: true),
                blocked = t.Column<bool>(nullable: true),
                rule_ids = t.Column<string>(maxLength: 1000, nullable: true),
                locations = t.Column<string>(maxLength: 1000, nullable: true),
                request_id = t.Column<Guid>(nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_security_events", x => x.position));
        migrationBuilder.CreateIndex("IX_security_events_xact_position", "security_events", ["xact", "position"]);
        migrationBuilder.CreateIndex("IX_security_events_occurred_at", "security_events", "occurred_at");

        migrationBuilder.CreateTable(
            name: "security_event_horizon",
            columns: t => new
            {
                id = t.Column<int>(nullable: false),
                xact = t.Column<long>(nullable: false),
                position = t.Column<long>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_security_event_horizon", x => x.id));

        migrationBuilder.CreateTable(
            name: "forwarder_cursors",
            columns: t => new
            {
                name = t.Column<string>(maxLength: 64, nullable: false),
                xact = t.Column<long>(nullable: false),
                position = t.Column<long>(nullable: false),
                updated_at = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_forwarder_cursors", x => x.name));

        var xact = postgres ? "pg_current_xact_id()::text::bigint" : "0";
        migrationBuilder.Sql($"INSERT INTO security_events ({Columns}) SELECT {string.Format(ThreatValues, xact, "")} FROM threats ORDER BY detected_at, id;");
        migrationBuilder.Sql($"INSERT INTO security_events ({Columns}) SELECT {string.Format(AuditValues, xact, "")} FROM audit_events WHERE event_type <> 'THREAT_DETECTED' ORDER BY occurred_at, id;");

        if (postgres)
        {
            migrationBuilder.Sql($"""
                CREATE FUNCTION security_event_from_threat() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO security_events ({Columns}) VALUES ({string.Format(ThreatValues, xact, "NEW.")});
                    RETURN NULL;
                END $$;
                """);
            migrationBuilder.Sql($"""
                CREATE FUNCTION security_event_from_audit() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.event_type <> 'THREAT_DETECTED' THEN
                        INSERT INTO security_events ({Columns}) VALUES ({string.Format(AuditValues, xact, "NEW.")});
                    END IF;
                    RETURN NULL;
                END $$;
                """);
            migrationBuilder.Sql("CREATE TRIGGER security_event_from_threat AFTER INSERT ON threats FOR EACH ROW EXECUTE FUNCTION security_event_from_threat();");
            migrationBuilder.Sql("CREATE TRIGGER security_event_from_audit AFTER INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION security_event_from_audit();");
        }
        else
        {
            migrationBuilder.Sql($"""
                CREATE TRIGGER security_event_from_threat AFTER INSERT ON threats
                BEGIN
                    INSERT INTO security_events ({Columns}) VALUES ({string.Format(ThreatValues, xact, "NEW.")});
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER security_event_from_audit AFTER INSERT ON audit_events WHEN NEW.event_type <> 'THREAT_DETECTED'
                BEGIN
                    INSERT INTO security_events ({Columns}) VALUES ({string.Format(AuditValues, xact, "NEW.")});
                END;
                """);
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("DROP TRIGGER IF EXISTS security_event_from_threat" + (migrationBuilder.IsSqlite() ? ";" : " ON threats;"));
        migrationBuilder.Sql("DROP TRIGGER IF EXISTS security_event_from_audit" + (migrationBuilder.IsSqlite() ? ";" : " ON audit_events;"));
        if (!migrationBuilder.IsSqlite())
        {
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS security_event_from_threat();");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS security_event_from_audit();");
        }

        migrationBuilder.DropTable("forwarder_cursors");
        migrationBuilder.DropTable("security_event_horizon");
        migrationBuilder.DropTable("security_events");
    }
}
