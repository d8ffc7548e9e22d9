using EfficiencyMisnomer.Diagnostics;

namespace EfficiencyMisnomer.Runtime.Sessions;

/// <summary>The provider a measurement runs on and why; or, when a required provider is missing, the coded failure.</summary>
/// <param name="Provider">"cpu" or "cuda"; the provider asked for when <see cref="Failure"/> is set.</param>
/// <param name="Reason">Why this provider: asked for, or the fallback's cause.</param>
/// <param name="Failure">Set when the requested provider cannot run (EM3001); nothing can be measured then.</param>
public sealed record ProviderSelection(string Provider, string Reason, Diagnostic? Failure = null)
{
    public const string Cpu = "cpu";
    public const string Cuda = "cuda";

    public bool Succeeded => Failure is null;
}
