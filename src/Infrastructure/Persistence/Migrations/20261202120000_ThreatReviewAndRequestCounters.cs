using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace InfiniteSecurity.Infrastructure.Persistence.Migrations;

/// <summary>
/// The analysts' verdict on a threat (existing rows start unreviewed), an index for sorting by risk score, and the
/// per-minute request counters the statistics read (docs/decisions/0015). Hand-written (docs/decisions/0003).
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261202120000_ThreatReviewAndRequestCounters")]
public sealed class ThreatReviewAndRequestCounters : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "review_state", table: "threats", maxLength: 16, nullable: false, defaultValue: "Unreviewed");
        migrationBuilder.AddColumn<DateTime>(name: "reviewed_at", table: "threats", nullable: true);
        migrationBuilder.CreateIndex("IX_threats_risk_score", "threats", "risk_score");

        migrationBuilder.CreateTable(
            name: "request_counters",
            columns: t => new
            {
                bucket_start = t.Column<DateTime>(nullable: false),
                requests = t.Column<long>(nullable: false),
                threats = t.Column<long>(nullable: false),
                blocked = t.Column<long>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_request_counters", x => x.bucket_start));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("request_counters");
        migrationBuilder.DropIndex("IX_threats_risk_score", "threats");
        migrationBuilder.DropColumn("reviewed_at", "threats");
        migrationBuilder.DropColumn("review_state", "threats");
    }
}
