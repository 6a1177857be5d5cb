using System.Text;
using System.Text.Encodings.Web;
using AlpacaConnect.Sandbox.Accounts;

namespace AlpacaConnect.Sandbox.OAuth;

/// <summary>HTML of the consent and error pages. Everything echoed is HTML-encoded.</summary>
internal static class ConsentPage
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Default;

    private static readonly Dictionary<string, string> ScopeMeanings = new()
    {
        [OAuthScopes.AccountWrite] = "Write access for account configurations and watchlists.",
        [OAuthScopes.Trading] = "Place, cancel or modify orders.",
        [OAuthScopes.Data] = "Access to the Data API.",
    };

    public static string Render(string appName, AuthorizeRequest request, IReadOnlyList<SandboxUser> users)
    {
        var environment = request.Environment;
        var scopes = OAuthScopes.Parse(request.Scope);
        var body = new StringBuilder();
        body.Append("<h1>Authorize <span id=\"app-name\">").Append(Html.Encode(appName)).Append("</span></h1>");
        body.Append("<p>This app asks to access your ")
            .Append(environment switch
            {
                SandboxEnvironment.Paper => "<strong id=\"env\">paper</strong> trading account",
                SandboxEnvironment.Live => "<strong id=\"env\">live</strong> trading account",
                _ => "<strong id=\"env\">paper and live</strong> trading accounts",
            }).Append(".</p><ul id=\"scopes\"><li>Read-only access to your account, positions and orders.</li>");
        foreach (var scope in scopes)
        {
            body.Append("<li><code>").Append(Html.Encode(scope)).Append("</code>: ")
                .Append(Html.Encode(ScopeMeanings.GetValueOrDefault(scope, ""))).Append("</li>");
        }

        body.Append("</ul><form method=\"post\" action=\"").Append(SandboxPaths.Authorize).Append("\"><fieldset><legend>Account</legend>");
        for (var i = 0; i < users.Count; i++)
        {
            var user = users[i];
            var accounts = environment is null
                ? $"{user.Paper.Number} (paper), {user.Live.Number} (live)"
                : user.Account(environment.Value).Number;
            body.Append("<label><input type=\"radio\" name=\"user\" value=\"").Append(Html.Encode(user.Id)).Append('"')
                .Append(i == 0 ? " checked" : "").Append("> ").Append(Html.Encode(user.DisplayName))
                .Append(" — ").Append(Html.Encode(accounts)).Append("</label><br>");
        }

        // Not Alpaca's wording: the simulator's users are shared by every app user of a dev server, and a newcomer's
        // second app user lost a completion code to ACCOUNT_ALREADY_LINKED by keeping the first account.
        body.Append("</fieldset><p id=\"linking-hint\"><small>Simulator: an app links each account to one of its users at a time. ")
            .Append("If another user of this app already linked an account here, choose another one.</small></p>");
        foreach (var (name, value) in request.Fields())
        {
            if (value is not null)
            {
                body.Append("<input type=\"hidden\" name=\"").Append(name).Append("\" value=\"").Append(Html.Encode(value)).Append("\">");
            }
        }

        body.Append("<button id=\"approve\" name=\"decision\" value=\"approve\">Approve</button> ")
            .Append("<button id=\"deny\" name=\"decision\" value=\"deny\">Deny</button></form>");
        return Page("Authorize " + appName, body.ToString());
    }

    public static string Error(string message) =>
        Page("Authorization error", $"<h1>Authorization error</h1><p id=\"error\">{Html.Encode(message)}</p>");

    private static string Page(string title, string body) =>
        $"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{Html.Encode(title)}</title>" +
        "<style>body{font-family:sans-serif;max-width:40em;margin:2em auto}button{margin:.5em;padding:.5em 1.5em}</style>" +
        $"</head><body><p><em>Alpaca sandbox</em></p>{body}</body></html>";
}
