using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AlpacaConnect.Gql.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class OrderEventsAndVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OrderEvents_OrderId_Status_FilledQty",
                table: "OrderEvents");

            migrationBuilder.AddColumn<long>(
                name: "AlpacaUpdatedAt",
                table: "Orders",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Orders",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<decimal>(
                name: "FilledAvgPrice",
                table: "OrderEvents",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "OrderEvents",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "Unknown");

            migrationBuilder.CreateIndex(
                name: "IX_OrderEvents_OrderId_Id",
                table: "OrderEvents",
                columns: new[] { "OrderId", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OrderEvents_OrderId_Id",
                table: "OrderEvents");

            migrationBuilder.DropColumn(
                name: "AlpacaUpdatedAt",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "FilledAvgPrice",
                table: "OrderEvents");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "OrderEvents");

            migrationBuilder.CreateIndex(
                name: "IX_OrderEvents_OrderId_Status_FilledQty",
                table: "OrderEvents",
                columns: new[] { "OrderId", "Status", "FilledQty" },
                unique: true);
        }
    }
}
