using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AlpacaConnect.Gql.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class OrderPipeline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AlpacaAccountId",
                table: "Orders",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AssetClass",
                table: "Orders",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Command",
                table: "Orders",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Environment",
                table: "Orders",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "ReservedCount",
                table: "Orders",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "ReservedNotionalMicros",
                table: "Orders",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "UsageDay",
                table: "Orders",
                type: "TEXT",
                maxLength: 10,
                nullable: false,
                defaultValue: "");

            // Orders saved before this migration were sent to the account their connection pointed at then; the best
            // record of it is the account it points at now (a relink before this release is not recoverable).
            migrationBuilder.Sql("""
                UPDATE "Orders" SET
                    "AlpacaAccountId" = (SELECT c."AccountId" FROM "AlpacaConnections" c WHERE c."Id" = "Orders"."ConnectionId"),
                    "Environment" = COALESCE((SELECT c."Environment" FROM "AlpacaConnections" c WHERE c."Id" = "Orders"."ConnectionId"), 'Paper'),
                    "Command" = CASE WHEN "Replaces" IS NOT NULL THEN 'Replace' ELSE 'Place' END,
                    "AssetClass" = 'UsEquity'
                """);

            migrationBuilder.CreateTable(
                name: "DailyUsage",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Day = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false),
                    NotionalMicros = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DailyUsage", x => new { x.UserId, x.Day });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DailyUsage");

            migrationBuilder.DropColumn(
                name: "AlpacaAccountId",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "AssetClass",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "Command",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "Environment",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "ReservedCount",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "ReservedNotionalMicros",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "UsageDay",
                table: "Orders");
        }
    }
}
