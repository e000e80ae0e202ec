import Foundation
import Lessons

/// The package's `lessons/` folder, three levels above this file (`Tests/LessonTests/…`).
let lessonsFolder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("lessons", isDirectory: true)

/// Every lesson file's name, sorted (the arguments of the parameterized tests).
let lessonFileNames: [String] = LessonLibrary(folder: lessonsFolder).files.map(\.lastPathComponent)
