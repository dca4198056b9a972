using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace InfiniteSecurity.Infrastructure.Persistence.Migrations;

/// <summary>
/// A machine client's own API quota (null: the service-wide machine-client quota). Hand-written (docs/decisions/0003).
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261202190000_MachineClientQuotas")]
public sealed class MachineClientQuotas : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<int>(name: "requests_per_second", table: "machine_clients", nullable: true);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropColumn("requests_per_second", "machine_clients");
}
