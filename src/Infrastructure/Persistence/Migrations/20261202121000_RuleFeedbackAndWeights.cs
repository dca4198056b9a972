using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace InfiniteSecurity.Infrastructure.Persistence.Migrations;

/// <summary>
/// Analysts' verdicts on threats, the per-rule counts they add up to, and the rule weights tuned from them.
/// Hand-written (0003). No foreign key from a verdict to its threat: retention deletes old threats in batches and
/// their verdicts stay as the history behind the counts.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261202121000_RuleFeedbackAndWeights")]
public sealed class RuleFeedbackAndWeights : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "threat_feedback",
            columns: t => new
            {
                id = t.Column<Guid>(nullable: false),
                threat_id = t.Column<Guid>(nullable: false),
                analyst_id = t.Column<string>(maxLength: 128, nullable: false),
                verdict = t.Column<string>(maxLength: 16, nullable: false),
                comment = t.Column<string>(maxLength: 1000, nullable: true),
                submitted_at = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_threat_feedback", x => x.id));
        migrationBuilder.CreateIndex("IX_threat_feedback_threat_id_analyst_id", "threat_feedback", ["threat_id", "analyst_id"], unique: true);

        migrationBuilder.CreateTable(
            name: "rule_feedback",
            columns: t => new
            {
                rule_id = t.Column<string>(maxLength: 64, nullable: false),
                true_positives = t.Column<long>(nullable: false),
                false_positives = t.Column<long>(nullable: false),
                updated_at = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_rule_feedback", x => x.rule_id));

        migrationBuilder.CreateTable(
            name: "rule_weight_overrides",
            columns: t => new
            {
                rule_id = t.Column<string>(maxLength: 64, nullable: false),
                weight = t.Column<double>(nullable: false),
                updated_at = t.Column<DateTime>(nullable: false),
                updated_by = t.Column<string>(maxLength: 128, nullable: false),
                reason = t.Column<string>(maxLength: 200, nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_rule_weight_overrides", x => x.rule_id));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("rule_weight_overrides");
        migrationBuilder.DropTable("rule_feedback");
        migrationBuilder.DropTable("threat_feedback");
    }
}
