using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using EfficiencyMisnomer.Runtime.Sessions;

namespace EfficiencyMisnomer.Runtime.Hardware;

/// <summary>The fingerprint and its suggested profile, as text for a terminal or as JSON for tools.</summary>
public static class HardwareReport
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        // Read by people as much as by tools: keep quotes in model names and the YAML block readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Text(HardwareFingerprint machine)
    {
        var rows = new List<(string Name, string Value)>
        {
            ("fingerprint", machine.Id),
            ("provider", machine.Provider),
            ("cpu", machine.Cpu.Model),
            ("cores", $"{machine.Host.LogicalCores} logical, {machine.PhysicalCoresText} physical"),
            ("memory", HardwareFingerprint.Gibibytes(machine.Host.TotalMemoryBytes)),
            ("os", $"{machine.Host.OsFamily} ({machine.Host.OsDescription})"),
            ("arch", machine.Host.Architecture),
            ("platform", RuntimeInfo.Platform),
            ("host", machine.Host.HostName),
            ("gpu", machine.Gpu is { } gpu
                ? string.Create(CultureInfo.InvariantCulture, $"{gpu.Name}, {HardwareFingerprint.Gibibytes(gpu.TotalMemoryBytes)}, driver {gpu.DriverVersion}, {gpu.DeviceCount} device(s)")
                : machine.GpuDescription),
            (".NET", machine.Host.DotNetVersion),
            ("ONNX Runtime", $"{machine.OnnxRuntimeVersion} ({RuntimeInfo.OnnxRuntimeBuild})"),
        };
        var width = rows.Max(r => r.Name.Length) + 2;
        var text = new StringBuilder();
        foreach (var (name, value) in rows)
        {
            text.Append(name.PadRight(width)).Append(value).Append('\n');
        }

        return text.Append('\n').Append(ProfileSuggestion.Yaml(machine)).ToString();
    }

    public static string Json(HardwareFingerprint machine)
    {
        var json = new JsonObject
        {
            ["id"] = machine.Id,
            ["provider"] = machine.Provider,
            ["cpu"] = new JsonObject
            {
                ["model"] = machine.Cpu.Model,
                ["logical_cores"] = machine.Host.LogicalCores,
                ["physical_cores"] = machine.Cpu.PhysicalCores,
            },
            ["memory"] = Bytes(machine.Host.TotalMemoryBytes),
            ["os"] = new JsonObject { ["family"] = machine.Host.OsFamily, ["description"] = machine.Host.OsDescription },
            ["arch"] = machine.Host.Architecture,
            ["platform"] = RuntimeInfo.Platform,
            ["host"] = machine.Host.HostName,
            ["gpu"] = machine.Gpu is { } gpu
                ? new JsonObject
                {
                    ["name"] = gpu.Name,
                    ["driver_version"] = gpu.DriverVersion,
                    ["memory"] = Bytes(gpu.TotalMemoryBytes),
                    ["device_count"] = gpu.DeviceCount,
                }
                : null,
            ["gpu_unavailable"] = machine.GpuUnavailableReason,
            ["dotnet"] = machine.Host.DotNetVersion,
            ["onnxruntime"] = machine.OnnxRuntimeVersion,
            ["onnxruntime_build"] = RuntimeInfo.OnnxRuntimeBuild,
            ["profile_yaml"] = ProfileSuggestion.Yaml(machine),
        };
        return json.ToJsonString(Indented);
    }

    private static JsonObject Bytes(long bytes) => new() { ["value"] = bytes, ["unit"] = "B" };
}
