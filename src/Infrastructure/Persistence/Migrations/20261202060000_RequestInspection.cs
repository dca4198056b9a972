using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace InfiniteSecurity.Infrastructure.Persistence.Migrations;

/// <summary>
/// Request inspection: where in a request a stored threat was found, and the administrators' detection exclusions.
/// Hand-written (docs/decisions/0003); column types are left to the provider so SQLite and PostgreSQL share it.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261202060000_RequestInspection")]
public sealed class RequestInspection : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "locations", table: "threats", maxLength: 1000, nullable: true);

        migrationBuilder.CreateTable(
            name: "detection_exclusions",
            columns: t => new
            {
                id = t.Column<Guid>(nullable: false),
                path_prefix = t.Column<string>(maxLength: 512, nullable: false),
                location = t.Column<string>(maxLength: 256, nullable: false),
                rule_id = t.Column<string>(maxLength: 64, nullable: true),
                family = t.Column<string>(maxLength: 32, nullable: true),
                method = t.Column<string>(maxLength: 16, nullable: true),
                host = t.Column<string>(maxLength: 255, nullable: true),
                note = t.Column<string>(maxLength: 500, nullable: true),
                created_at = t.Column<DateTime>(nullable: false),
                created_by = t.Column<string>(maxLength: 128, nullable: false),
                removed_at = t.Column<DateTime>(nullable: true),
                removed_by = t.Column<string>(maxLength: 128, nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_detection_exclusions", x => x.id));
        migrationBuilder.CreateIndex("IX_detection_exclusions_removed_at", "detection_exclusions", "removed_at");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("detection_exclusions");
        migrationBuilder.DropColumn("locations", "threats");
    }
}
