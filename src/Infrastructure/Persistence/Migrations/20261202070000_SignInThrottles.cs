using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace InfiniteSecurity.Infrastructure.Persistence.Migrations;

/// <summary>
/// Failed sign-ins per (name, source address) and per name, for real and unknown names alike, replace the count on
/// the user row. Hand-written (0003). SQLite drops the old columns with its own ALTER TABLE DROP COLUMN (3.35+):
/// EF's SQLite table rebuild needs a model snapshot, which these migrations do not have.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261202070000_SignInThrottles")]
public sealed class SignInThrottles : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "sign_in_throttles",
            columns: t => new
            {
                normalized_user_name = t.Column<string>(maxLength: 64, nullable: false),
                source = t.Column<string>(maxLength: 64, nullable: false),
                failure_count = t.Column<int>(nullable: false),
                last_failure_at = t.Column<DateTime>(nullable: false),
                blocked_until = t.Column<DateTime>(nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_sign_in_throttles", x => new { x.normalized_user_name, x.source }));
        migrationBuilder.CreateIndex("IX_sign_in_throttles_last_failure_at", "sign_in_throttles", "last_failure_at");

        if (migrationBuilder.IsSqlite())
        {
            migrationBuilder.Sql("ALTER TABLE \"users\" DROP COLUMN \"failed_login_count\";");
            migrationBuilder.Sql("ALTER TABLE \"users\" DROP COLUMN \"lockout_ends_at\";");
        }
        else
        {
            migrationBuilder.DropColumn("failed_login_count", "users");
            migrationBuilder.DropColumn("lockout_ends_at", "users");
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<int>(name: "failed_login_count", table: "users", nullable: false, defaultValue: 0);
        migrationBuilder.AddColumn<DateTime>(name: "lockout_ends_at", table: "users", nullable: true);
        migrationBuilder.DropTable("sign_in_throttles");
    }
}
