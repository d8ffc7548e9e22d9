namespace EfficiencyMisnomer.Diagnostics;

/// <summary>A coded message about the user's input, with where it applies.</summary>
public sealed record Diagnostic(string Code, DiagnosticSeverity Severity, string Message, SourceLocation? Location = null)
{
    public static Diagnostic Warning(string code, string message, SourceLocation? location = null) =>
        new(code, DiagnosticSeverity.Warning, message, location);

    public static Diagnostic Info(string code, string message, SourceLocation? location = null) =>
        new(code, DiagnosticSeverity.Info, message, location);

    public static Diagnostic Error(string code, string message, SourceLocation? location = null) =>
        new(code, DiagnosticSeverity.Error, message, location);

    /// <summary>
    /// The canonical form <c>location: severity CODE: message</c>, on one line: control, line-separator and direction
    /// characters in the location or message are escaped (<see cref="UserText.Escape"/>), a last line of defence so that
    /// no user data a message quotes can start a log line of its own.
    /// </summary>
    public override string ToString()
    {
        var severity = Severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            _ => "info",
        };
        var message = UserText.Escape(Message);
        return Location is null ? $"{severity} {Code}: {message}" : $"{UserText.Escape(Location.ToString())}: {severity} {Code}: {message}";
    }
}
