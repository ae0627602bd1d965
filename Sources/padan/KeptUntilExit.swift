/// What a command built and is about to exit with, kept until the process ends instead of freed.
///
/// The operating system takes a process's memory back at once; freeing a result's millions of
/// small arrays (each link's levels and weights, each cluster's members) one by one took a
/// quarter of a second after the output was complete at a million rows. Only the CLI keeps
/// anything: the library frees what it makes, as an embedder expects.
enum KeptUntilExit {
    nonisolated(unsafe) private static var kept: [Any] = []

    /// Keeps `objects` alive until the process exits. Called from the main thread only.
    static func keep(_ objects: Any...) { kept.append(contentsOf: objects) }
}
