using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AlpacaConnect.Gql.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class UserEventLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "Sequence",
                table: "OrderEvents",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UserId",
                table: "OrderEvents",
                type: "TEXT",
                maxLength: 128,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "UserEventSequences",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Last = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UserEventSequences", x => x.UserId);
                });

            // Existing events join their user's log in the order they were recorded; PENDING_SUBMIT stays out of it.
            // Both providers take these statements as written (UPDATE ... FROM: SQLite 3.33+, PostgreSQL).
            migrationBuilder.Sql("""
                UPDATE "OrderEvents" SET "UserId" = o."UserId" FROM "Orders" AS o WHERE o."Id" = "OrderEvents"."OrderId";
                UPDATE "OrderEvents" SET "Sequence" = n.rn
                FROM (SELECT "Id", ROW_NUMBER() OVER (PARTITION BY "UserId" ORDER BY "Id") AS rn
                      FROM "OrderEvents" WHERE "Kind" <> 'PendingSubmit') AS n
                WHERE n."Id" = "OrderEvents"."Id";
                INSERT INTO "UserEventSequences" ("UserId", "Last")
                SELECT "UserId", MAX("Sequence") FROM "OrderEvents" WHERE "Sequence" IS NOT NULL GROUP BY "UserId";
                """);

            migrationBuilder.CreateIndex(
                name: "IX_OrderEvents_UserId_Sequence",
                table: "OrderEvents",
                columns: new[] { "UserId", "Sequence" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "UserEventSequences");

            migrationBuilder.DropIndex(
                name: "IX_OrderEvents_UserId_Sequence",
                table: "OrderEvents");

            migrationBuilder.DropColumn(
                name: "Sequence",
                table: "OrderEvents");

            migrationBuilder.DropColumn(
                name: "UserId",
                table: "OrderEvents");
        }
    }
}
