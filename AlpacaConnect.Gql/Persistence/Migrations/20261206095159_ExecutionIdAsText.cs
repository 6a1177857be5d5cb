using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AlpacaConnect.Gql.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ExecutionIdAsText : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // SQLite kept the Guids as upper-case text; the stream's ids are now written as Guid.ToString() (lower case).
            migrationBuilder.Sql("UPDATE \"OrderEvents\" SET \"ExecutionId\" = lower(\"ExecutionId\") WHERE \"ExecutionId\" IS NOT NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
