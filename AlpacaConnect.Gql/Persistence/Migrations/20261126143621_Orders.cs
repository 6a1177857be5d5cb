using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AlpacaConnect.Gql.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Orders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Orders",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    ConnectionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    RequestFingerprint = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ClientOrderId = table.Column<string>(type: "TEXT", maxLength: 48, nullable: false),
                    AlpacaOrderId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Symbol = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Side = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    TimeInForce = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    OrderClass = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Qty = table.Column<decimal>(type: "TEXT", nullable: true),
                    Notional = table.Column<decimal>(type: "TEXT", nullable: true),
                    LimitPrice = table.Column<decimal>(type: "TEXT", nullable: true),
                    StopPrice = table.Column<decimal>(type: "TEXT", nullable: true),
                    TrailPrice = table.Column<decimal>(type: "TEXT", nullable: true),
                    TrailPercent = table.Column<decimal>(type: "TEXT", nullable: true),
                    ExtendedHours = table.Column<bool>(type: "INTEGER", nullable: false),
                    TakeProfitLimitPrice = table.Column<decimal>(type: "TEXT", nullable: true),
                    StopLossStopPrice = table.Column<decimal>(type: "TEXT", nullable: true),
                    StopLossLimitPrice = table.Column<decimal>(type: "TEXT", nullable: true),
                    EstimatedNotional = table.Column<decimal>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    FilledQty = table.Column<decimal>(type: "TEXT", nullable: false),
                    FilledAvgPrice = table.Column<decimal>(type: "TEXT", nullable: true),
                    RejectionCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    RejectionUpstreamCode = table.Column<int>(type: "INTEGER", nullable: true),
                    RejectionMessage = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    Replaces = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReplacedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FilledAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CanceledAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Orders", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OrderEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    FilledQty = table.Column<decimal>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    OccurredAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrderEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OrderEvents_Orders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "Orders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OrderEvents_OrderId_Status_FilledQty",
                table: "OrderEvents",
                columns: new[] { "OrderId", "Status", "FilledQty" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Orders_AlpacaOrderId",
                table: "Orders",
                column: "AlpacaOrderId");

            migrationBuilder.CreateIndex(
                name: "IX_Orders_ClientOrderId",
                table: "Orders",
                column: "ClientOrderId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Orders_UserId_CreatedAt",
                table: "Orders",
                columns: new[] { "UserId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Orders_UserId_IdempotencyKey",
                table: "Orders",
                columns: new[] { "UserId", "IdempotencyKey" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OrderEvents");

            migrationBuilder.DropTable(
                name: "Orders");
        }
    }
}
