namespace EfficiencyMisnomer.Tasks;

/// <summary>Messages the tasks log themselves; the engine's messages come with its diagnostics.</summary>
internal static class TaskMessages
{
    public const string IoFailure = "the efficiency gate could not read or write a file: {0}";
    public const string InternalError = "internal error in the efficiency gate: {0}: {1}; please report it with the spec that caused it";
    public const string InvalidGate = "EfficiencyGate is '{0}'; use error, warn or off.";
    public const string NoSpecs = "no efficiency specs to check (EfficiencySpec is empty); the gate did nothing.";
    public const string Summary = "efficiency gate: {0} spec(s), {1} model(s), {2} budget(s) checked, {3} breached; report: {4}";
}
