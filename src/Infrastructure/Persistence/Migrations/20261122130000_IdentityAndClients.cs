using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace InfiniteSecurity.Infrastructure.Persistence.Migrations;

/// <summary>
/// Identity on the domain user (password hash, MFA) and machine clients. Hand-written like the first migration
/// (docs/decisions/0003); column types are left to the provider so SQLite and PostgreSQL share this history.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261122130000_IdentityAndClients")]
public sealed class IdentityAndClients : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "password_hash", table: "users", maxLength: 1024, nullable: true);
        migrationBuilder.AddColumn<bool>(name: "must_change_password", table: "users", nullable: false, defaultValue: false);
        migrationBuilder.AddColumn<bool>(name: "two_factor_enabled", table: "users", nullable: false, defaultValue: false);
        migrationBuilder.AddColumn<string>(name: "protected_authenticator_key", table: "users", maxLength: 1024, nullable: true);
        migrationBuilder.AddColumn<string>(name: "recovery_code_hashes", table: "users", maxLength: 1024, nullable: true);

        migrationBuilder.CreateTable(
            name: "machine_clients",
            columns: t => new
            {
                id = t.Column<Guid>(nullable: false),
                client_id = t.Column<string>(maxLength: 64, nullable: false),
                name = t.Column<string>(maxLength: 128, nullable: false),
                secret_hash = t.Column<string>(maxLength: 128, nullable: false),
                scopes = t.Column<string>(maxLength: 256, nullable: false),
                created_at = t.Column<DateTime>(nullable: false),
                secret_rotated_at = t.Column<DateTime>(nullable: false),
                revoked_at = t.Column<DateTime>(nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_machine_clients", x => x.id));
        migrationBuilder.CreateIndex("IX_machine_clients_client_id", "machine_clients", "client_id", unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("machine_clients");
        migrationBuilder.DropColumn("recovery_code_hashes", "users");
        migrationBuilder.DropColumn("protected_authenticator_key", "users");
        migrationBuilder.DropColumn("two_factor_enabled", "users");
        migrationBuilder.DropColumn("must_change_password", "users");
        migrationBuilder.DropColumn("password_hash", "users");
    }
}
