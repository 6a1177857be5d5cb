using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AlpacaConnect.Gql.Tests.ScaleOut;

/// <summary>
/// Holds the query that counts a user's orders today (the daily guardrails' read) for a moment, so that two
/// instances checking the same cap at once would both read it before either inserts, unless a lock keeps them apart.
/// </summary>
public sealed class SlowDailyCount : DbCommandInterceptor
{
    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (command.CommandText.Contains("\"EstimatedNotional\"", StringComparison.Ordinal)
            && command.CommandText.Contains("\"CreatedAt\" >=", StringComparison.Ordinal))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
        }

        return result;
    }
}
