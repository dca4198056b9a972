using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace InfiniteSecurity.Infrastructure.Persistence.Migrations;

/// <summary>
/// Whole threat inputs, encrypted (<c>Threats:StoreInput=Encrypted</c>), one row per threat and deleted with it by the
/// foreign key; and the Data Protection key ring, moved from files into the database so replicas share it (ADR 0022).
/// Hand-written (0003).
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261202180000_ThreatInputsAndKeyRing")]
public sealed class ThreatInputsAndKeyRing : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "threat_inputs",
            columns: t => new
            {
                threat_id = t.Column<Guid>(nullable: false),
                ciphertext = t.Column<byte[]>(nullable: false),
                content_type = t.Column<string>(maxLength: 100, nullable: true),
                stored_at = t.Column<DateTime>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_threat_inputs", x => x.threat_id);
                t.ForeignKey("FK_threat_inputs_threats_threat_id", x => x.threat_id, "threats", "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_threat_inputs_stored_at", "threat_inputs", "stored_at");

        migrationBuilder.CreateTable(
            name: "data_protection_keys",
            columns: t => new
            {
                id = t.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                friendly_name = t.Column<string>(maxLength: 100, nullable: true),
                xml = t.Column<string>(nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_data_protection_keys", x => x.id));
        migrationBuilder.CreateIndex("IX_data_protection_keys_friendly_name", "data_protection_keys", "friendly_name", unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("data_protection_keys");
        migrationBuilder.DropTable("threat_inputs");
    }
}
