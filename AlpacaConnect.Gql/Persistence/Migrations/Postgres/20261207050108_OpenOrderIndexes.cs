using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AlpacaConnect.Gql.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OpenOrderIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Orders_Open_Connection",
                table: "Orders",
                column: "ConnectionId",
                filter: "\"Status\" NOT IN ('Filled', 'Canceled', 'Expired', 'Rejected', 'Replaced')");

            migrationBuilder.CreateIndex(
                name: "IX_Orders_Open_User",
                table: "Orders",
                columns: new[] { "UserId", "AlpacaAccountId", "Environment" },
                filter: "\"Status\" NOT IN ('Filled', 'Canceled', 'Expired', 'Rejected', 'Replaced')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Orders_Open_Connection",
                table: "Orders");

            migrationBuilder.DropIndex(
                name: "IX_Orders_Open_User",
                table: "Orders");
        }
    }
}
