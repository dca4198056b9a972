using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace InfiniteSecurity.Infrastructure.Persistence.Migrations;

/// <summary>
/// Repeats of one attack folded into one threat row (docs/decisions/0023): an occurrence count, the first and last
/// detection, and the aggregation key with the unique index the writer's upsert relies on. Existing rows stand for
/// one detection each and collect no repeats (null key). The stream (0018) learns of folded repeats twice over: the
/// insert event now says how many detections a new row already holds, and an update of the count adds a
/// THREAT_REPEATED event with the new total, so a SIEM sees every repeat without a row per request.
/// Hand-written (0003).
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261202123000_ThreatOccurrences")]
public sealed class ThreatOccurrences : Migration
{
    private const string Columns =
        "xact, id, occurred_at, kind, event_type, actor, source_ip, user_agent, outcome, details, category, severity, confidence, risk_score, blocked, rule_ids, locations, request_id";

    // As in SecurityEventStream, with {1} as details: the occurrence count (Up) or nothing (Down, as before).
    private const string InsertValues =
        "{0}, NEW.id, NEW.detected_at, 'threat', 'THREAT_DETECTED', NEW.user_id, NEW.source_ip, NULL, NEW.action, {1}, NEW.category, NEW.severity, NEW.confidence, NEW.risk_score, NEW.blocked, NEW.patterns_matched, NEW.locations, NEW.request_id";

    // A fresh event id (receivers de-duplicate by it); the threat's id and the counts are in details.
    private const string RepeatValues =
        "{0}, {1}, NEW.last_seen, 'threat', 'THREAT_REPEATED', NEW.user_id, NEW.source_ip, NULL, NEW.action, 'threat=' || {2} || ' occurrences=' || NEW.occurrences || ' added=' || (NEW.occurrences - OLD.occurrences), NEW.category, NEW.severity, NEW.confidence, NEW.risk_score, NEW.blocked, NEW.patterns_matched, NEW.locations, NEW.request_id";

    private const string PostgresXact = "pg_current_xact_id()::text::bigint";

    // EF stores a Guid on SQLite as upper-case text in the 8-4-4-4-12 form; this builds a random one in that form.
    private const string SqliteRandomGuid =
        "(SELECT substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-' || substr(h, 13, 4) || '-' || substr(h, 17, 4) || '-' || substr(h, 21, 12) FROM (SELECT upper(hex(randomblob(16))) AS h))";

    private const string CountDetails = "'occurrences=' || NEW.occurrences";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var postgres = !migrationBuilder.IsSqlite();
        migrationBuilder.AddColumn<int>(name: "occurrences", table: "threats", nullable: false, defaultValue: 1);
        migrationBuilder.AddColumn<DateTime>(name: "first_seen", table: "threats", nullable: false, defaultValue: DateTime.UnixEpoch);
        migrationBuilder.AddColumn<DateTime>(name: "last_seen", table: "threats", nullable: false, defaultValue: DateTime.UnixEpoch);
        migrationBuilder.AddColumn<string>(name: "aggregation_key", table: "threats", maxLength: 64, nullable: true);
        migrationBuilder.Sql("UPDATE threats SET first_seen = detected_at, last_seen = detected_at;");
        migrationBuilder.CreateIndex("IX_threats_aggregation_key", "threats", "aggregation_key", unique: true);

        ReplaceInsertTrigger(migrationBuilder, CountDetails);
        if (postgres)
        {
            migrationBuilder.Sql($"""
                CREATE FUNCTION security_event_from_threat_repeat() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO security_events ({Columns}) VALUES ({string.Format(RepeatValues, PostgresXact, "gen_random_uuid()", "NEW.id")});
                    RETURN NULL;
                END $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER security_event_from_threat_repeat AFTER UPDATE OF occurrences ON threats
                FOR EACH ROW WHEN (NEW.occurrences > OLD.occurrences) EXECUTE FUNCTION security_event_from_threat_repeat();
                """);
        }
        else
        {
            migrationBuilder.Sql($"""
                CREATE TRIGGER security_event_from_threat_repeat AFTER UPDATE OF occurrences ON threats WHEN NEW.occurrences > OLD.occurrences
                BEGIN
                    INSERT INTO security_events ({Columns}) VALUES ({string.Format(RepeatValues, "0", SqliteRandomGuid, "NEW.id")});
                END;
                """);
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        var postgres = !migrationBuilder.IsSqlite();
        migrationBuilder.Sql("DROP TRIGGER IF EXISTS security_event_from_threat_repeat" + (postgres ? " ON threats;" : ";"));
        if (postgres)
        {
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS security_event_from_threat_repeat();");
        }

        ReplaceInsertTrigger(migrationBuilder, "NULL");

        migrationBuilder.DropIndex("IX_threats_aggregation_key", "threats");
        migrationBuilder.DropColumn("aggregation_key", "threats");
        migrationBuilder.DropColumn("last_seen", "threats");
        migrationBuilder.DropColumn("first_seen", "threats");
        migrationBuilder.DropColumn("occurrences", "threats");
    }

    private static void ReplaceInsertTrigger(MigrationBuilder migrationBuilder, string details)
    {
        if (!migrationBuilder.IsSqlite())
        {
            migrationBuilder.Sql($"""
                CREATE OR REPLACE FUNCTION security_event_from_threat() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO security_events ({Columns}) VALUES ({string.Format(InsertValues, PostgresXact, details)});
                    RETURN NULL;
                END $$;
                """);
            return;
        }

        migrationBuilder.Sql("DROP TRIGGER security_event_from_threat;");
        migrationBuilder.Sql($"""
            CREATE TRIGGER security_event_from_threat AFTER INSERT ON threats
            BEGIN
                INSERT INTO security_events ({Columns}) VALUES ({string.Format(InsertValues, "0", details)});
            END;
            """);
    }
}
