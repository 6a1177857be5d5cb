using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AlpacaConnect.Gql.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class TradingHaltsAndOperatorAudit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "OperatorAudit",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Operator = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Target = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OperatorAudit", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TradingHalts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Scope = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Target = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    SetBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    SetAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TradingHalts", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OperatorAudit_At",
                table: "OperatorAudit",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_TradingHalts_Scope_Target",
                table: "TradingHalts",
                columns: new[] { "Scope", "Target" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OperatorAudit");

            migrationBuilder.DropTable(
                name: "TradingHalts");
        }
    }
}
