using System.Globalization;
using System.Text;

namespace EfficiencyMisnomer.Runtime.Hardware;

/// <summary>A <c>hardware:</c> block for a spec that matches the fingerprinted machine, ready to paste.</summary>
public static class ProfileSuggestion
{
    private const int MaxNameLength = 40;

    /// <summary>The profile's name: the provider and the GPU's or CPU's model, as a lower-case slug.</summary>
    public static string Name(HardwareFingerprint machine)
    {
        var model = machine.Provider == ExecutionProviders.Cuda && machine.Gpu is { } gpu ? gpu.Name : machine.Cpu.Model;
        var slug = new StringBuilder(machine.Provider).Append('-');
        foreach (var c in model)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(char.ToLowerInvariant(c));
            }
            else if (slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var name = slug.ToString().TrimEnd('-');
        return name.Length <= MaxNameLength ? name : name[..MaxNameLength].TrimEnd('-');
    }

    public static string Yaml(HardwareFingerprint machine)
    {
        var threads = machine.Cpu.PhysicalCores ?? machine.Host.LogicalCores;
        var match = new StringBuilder().Append(CultureInfo.InvariantCulture, $"{{ provider: {machine.Provider}, cpu: {Quoted(machine.Cpu.Model)}");
        if (machine.Provider == ExecutionProviders.Cuda && machine.Gpu is { } gpu)
        {
            match.Append(CultureInfo.InvariantCulture, $", gpu: {Quoted(gpu.Name)}");
        }

        match.Append(" }");
        var yaml = new StringBuilder();
        yaml.Append("# This machine, ").Append(machine.Summary).Append('\n');
        yaml.Append("# Paste into a spec; widen the patterns with * to cover similar machines (\"*EPYC*\").\n");
        yaml.Append("hardware:\n");
        yaml.Append("  ").Append(Name(machine)).Append(":\n");
        yaml.Append("    match: ").Append(match).Append('\n');
        yaml.Append(CultureInfo.InvariantCulture, $"    threads: {threads}  # intra-op threads; this machine has {machine.PhysicalCoresText} physical, {machine.Host.LogicalCores} logical cores\n");
        yaml.Append("    # price_per_hour: 1.00  # money per hour of this machine, for cost\n");
        yaml.Append("    # grid_intensity: 400   # grams of CO2 per kWh of its electricity, for co2\n");
        yaml.Append("    budgets: {}  # e.g. latency.p99: { max: 10 ms, batch: 1 }\n");
        return yaml.ToString();
    }

    private static string Quoted(string text) => Specs.Yaml.YamlText.Quoted(text);
}
