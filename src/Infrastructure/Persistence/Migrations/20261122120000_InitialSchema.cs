using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace InfiniteSecurity.Infrastructure.Persistence.Migrations;

/// <summary>
/// Hand-written (EF Design tooling does not restore here, docs/decisions/0003). Column types are left to the
/// provider so that the same history serves SQLite and PostgreSQL; a test compares the migrated schema to the model.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261122120000_InitialSchema")]
public sealed class InitialSchema : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "threats",
            columns: t => new
            {
                id = t.Column<Guid>(nullable: false),
                detected_at = t.Column<DateTime>(nullable: false),
                category = t.Column<string>(maxLength: 32, nullable: false),
                confidence = t.Column<double>(nullable: false),
                severity = t.Column<string>(maxLength: 16, nullable: false),
                risk_score = t.Column<int>(nullable: false),
                action = t.Column<string>(maxLength: 32, nullable: false),
                blocked = t.Column<bool>(nullable: false),
                requires_human_review = t.Column<bool>(nullable: false),
                patterns_matched = t.Column<string>(maxLength: 1000, nullable: false),
                evidence = t.Column<string>(maxLength: 4000, nullable: false),
                input_sha256 = t.Column<string>(maxLength: 64, nullable: false),
                input_length = t.Column<int>(nullable: false),
                source_ip = t.Column<string>(maxLength: 64, nullable: true),
                user_id = t.Column<string>(maxLength: 128, nullable: true),
                request_id = t.Column<Guid>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_threats", x => x.id));
        migrationBuilder.CreateIndex("IX_threats_detected_at", "threats", "detected_at");
        migrationBuilder.CreateIndex("IX_threats_category", "threats", "category");

        migrationBuilder.CreateTable(
            name: "audit_events",
            columns: t => new
            {
                id = t.Column<Guid>(nullable: false),
                occurred_at = t.Column<DateTime>(nullable: false),
                event_type = t.Column<string>(maxLength: 64, nullable: false),
                actor = t.Column<string>(maxLength: 128, nullable: true),
                ip_address = t.Column<string>(maxLength: 64, nullable: true),
                user_agent = t.Column<string>(maxLength: 512, nullable: true),
                outcome = t.Column<string>(maxLength: 16, nullable: false),
                details = t.Column<string>(maxLength: 2000, nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_audit_events", x => x.id));
        migrationBuilder.CreateIndex("IX_audit_events_occurred_at", "audit_events", "occurred_at");
        migrationBuilder.CreateIndex("IX_audit_events_event_type", "audit_events", "event_type");

        migrationBuilder.CreateTable(
            name: "users",
            columns: t => new
            {
                id = t.Column<Guid>(nullable: false),
                user_name = t.Column<string>(maxLength: 64, nullable: false),
                normalized_user_name = t.Column<string>(maxLength: 64, nullable: false),
                role = t.Column<string>(maxLength: 16, nullable: false),
                is_disabled = t.Column<bool>(nullable: false),
                failed_login_count = t.Column<int>(nullable: false),
                lockout_ends_at = t.Column<DateTime>(nullable: true),
                created_at = t.Column<DateTime>(nullable: false),
                last_login_at = t.Column<DateTime>(nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_users", x => x.id));
        migrationBuilder.CreateIndex("IX_users_normalized_user_name", "users", "normalized_user_name", unique: true);

        migrationBuilder.CreateTable(
            name: "sessions",
            columns: t => new
            {
                id = t.Column<Guid>(nullable: false),
                user_id = t.Column<Guid>(nullable: false),
                family_id = t.Column<Guid>(nullable: false),
                refresh_token_hash = t.Column<string>(maxLength: 128, nullable: false),
                created_at = t.Column<DateTime>(nullable: false),
                expires_at = t.Column<DateTime>(nullable: false),
                last_used_at = t.Column<DateTime>(nullable: false),
                revoked_at = t.Column<DateTime>(nullable: true),
                revocation_reason = t.Column<string>(maxLength: 64, nullable: true),
                replaced_by_session_id = t.Column<Guid>(nullable: true),
                ip_address = t.Column<string>(maxLength: 64, nullable: true),
                user_agent = t.Column<string>(maxLength: 512, nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_sessions", x => x.id);
                t.ForeignKey("FK_sessions_users_user_id", x => x.user_id, "users", "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_sessions_refresh_token_hash", "sessions", "refresh_token_hash", unique: true);
        migrationBuilder.CreateIndex("IX_sessions_user_id", "sessions", "user_id");
        migrationBuilder.CreateIndex("IX_sessions_family_id", "sessions", "family_id");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("sessions");
        migrationBuilder.DropTable("users");
        migrationBuilder.DropTable("audit_events");
        migrationBuilder.DropTable("threats");
    }
}
