using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace InfiniteSecurity.Infrastructure.Persistence.Migrations;

/// <summary>The last accepted authenticator code (hash and time), so a TOTP code works only once. Hand-written (0003).</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261122140000_AuthenticatorCodeReplay")]
public sealed class AuthenticatorCodeReplay : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "last_authenticator_code_hash", table: "users", maxLength: 128, nullable: true);
        migrationBuilder.AddColumn<DateTime>(name: "last_authenticator_code_at", table: "users", nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn("last_authenticator_code_at", "users");
        migrationBuilder.DropColumn("last_authenticator_code_hash", "users");
    }
}
