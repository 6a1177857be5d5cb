using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AlpacaConnect.Gql.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class OrderEventExecutions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ExecutionId",
                table: "OrderEvents",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "ExecutionPrice",
                table: "OrderEvents",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "ExecutionQty",
                table: "OrderEvents",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "PositionQty",
                table: "OrderEvents",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ExecutionId",
                table: "OrderEvents");

            migrationBuilder.DropColumn(
                name: "ExecutionPrice",
                table: "OrderEvents");

            migrationBuilder.DropColumn(
                name: "ExecutionQty",
                table: "OrderEvents");

            migrationBuilder.DropColumn(
                name: "PositionQty",
                table: "OrderEvents");
        }
    }
}
