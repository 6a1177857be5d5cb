namespace AlpacaConnect.Gql.Hosting;

/// <summary>
/// Where the server finds <c>appsettings.json</c> and resolves relative paths (the SQLite file, the explorer bundle).
/// ASP.NET Core takes the working directory, so a published server started from elsewhere
/// (<c>cd / &amp;&amp; dotnet /srv/app/AlpacaConnect.Gql.dll</c>) read no settings at all.
/// </summary>
internal static class AppContentRoot
{
    private const string SettingsFile = "appsettings.json";

    /// <summary>
    /// The working directory when it holds the app's settings (<c>dotnet run</c> starts in the project folder), else
    /// the folder of the app's own files. An explicit <c>--contentRoot</c> or <c>ASPNETCORE_CONTENTROOT</c> (the test
    /// host passes one) is left to the host.
    /// </summary>
    public static WebApplicationOptions Options(string[] args) => new()
    {
        Args = args,
        ContentRootPath = IsChosenByCaller(args) || File.Exists(Path.Combine(Directory.GetCurrentDirectory(), SettingsFile))
            ? null
            : AppContext.BaseDirectory,
    };

    private static bool IsChosenByCaller(string[] args)
    {
        var hostSettings = new ConfigurationBuilder()
            .AddEnvironmentVariables("DOTNET_")
            .AddEnvironmentVariables("ASPNETCORE_")
            .AddCommandLine(args)
            .Build();
        return !string.IsNullOrEmpty(hostSettings[HostDefaults.ContentRootKey]);
    }
}
