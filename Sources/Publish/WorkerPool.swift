import Foundation

/// Runs `body(i)` for every i in 0..<count on at most `width` threads of its own (the work blocks in curl, so it
/// gets real threads, not a shared queue), starting the indices in order; returns when all are done.
enum WorkerPool {
    static func run(count: Int, width: Int, _ body: @escaping (Int) -> Void) {
        let lock = NSLock()
        var next = 0
        let work = {
            while true {
                lock.lock()
                let i = next
                next += 1
                lock.unlock()
                guard i < count else { return }
                body(i)
            }
        }
        let workers = min(max(1, width), count)
        guard workers > 1 else { return work() }
        let group = DispatchGroup()
        for _ in 0..<workers {
            group.enter()
            Thread {
                work()
                group.leave()
            }.start()
        }
        group.wait()
    }
}
