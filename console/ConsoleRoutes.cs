namespace GenomDE.Orleans.OperatorConsole;

public static class ConsoleRoutes
{
    public const string Root = "/console";
    public const string Stylesheet = Root + "/console.css";
    public const string Language = Root + "/language";
    public const string Reports = Root + "/reports";

    public static string ReportDownload(string node, int year, int quarter, string table) =>
        $"{Reports}/{year}/Q{quarter}/{table}?node={Uri.EscapeDataString(node)}";

    public static string LanguageSwitch(string lang, string returnUrl) =>
        $"{Language}?lang={lang}&returnUrl={Uri.EscapeDataString(returnUrl)}";
}
