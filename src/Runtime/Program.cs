using EfficiencyMisnomer.Runtime.Isolation;

namespace EfficiencyMisnomer.Runtime;

/// <summary>
/// The library's entry point, used only as the program of a child process that observes one fresh session
/// (<see cref="ObservationHost"/>): <c>dotnet exec ... EfficiencyMisnomer.Runtime.dll observe</c>.
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        if (args is [ObservationHost.ObserveArgument])
        {
            return ObservationProgram.Run(Console.In, Console.Out);
        }

        Console.Error.WriteLine($"EfficiencyMisnomer.Runtime is a library; run as a program it only takes '{ObservationHost.ObserveArgument}', for an isolated observation.");
        return 2;
    }
}
