import Foundation
import Lessons
import TestSupport
import Testing

@Suite("Every lesson file parses, plays and matches its golden transcript")
struct LessonPlaybackTests {
    @Test("there are lessons to test")
    func lessonsExist() {
        #expect(lessonFileNames.count >= 3)
    }

    @Test("plays without error; the transcript equals Golden/NAME.transcript", arguments: lessonFileNames)
    func playsAsRecorded(_ name: String) throws {
        let lesson = try LessonLibrary.load(lessonsFolder.appendingPathComponent(name))
        #expect(lesson.exercises.count >= 3, "a lesson has at least three graded exercises")
        #expect(!lesson.title.isEmpty)
        let playback = try LessonPlayer.play(lesson)
        #expect(playback.keys.count == lesson.exercises.count)
        let golden = Golden(besideSourceFile: #filePath)
        let base = name.replacingOccurrences(of: ".lesson", with: "")
        if let diff = golden.mismatch(playback.transcript, name: base + ".transcript") {
            Issue.record("\(name): \(diff)")
        }
    }

    @Test("playing twice gives the same bytes", arguments: lessonFileNames.prefix(1))
    func deterministic(_ name: String) throws {
        let lesson = try LessonLibrary.load(lessonsFolder.appendingPathComponent(name))
        #expect(try LessonPlayer.play(lesson).transcript == LessonPlayer.play(lesson).transcript)
    }

    @Test("the engine's answer is accepted and answers outside the tolerance are rejected", arguments: lessonFileNames)
    func keysAcceptAndReject(_ name: String) throws {
        let lesson = try LessonLibrary.load(lessonsFolder.appendingPathComponent(name))
        for key in try LessonPlayer.play(lesson).keys {
            let id = key.exercise.id
            #expect(key.accepts(key.text), "\(name) \(id): its own key \(key.text)")
            #expect(!key.accepts(""), "\(name) \(id): an empty answer")
            if let number = key.number {
                let margin: Double = switch key.exercise.tolerance {
                case .absolute(let bound): Swift.max(10 * bound, 1e-15 * abs(number) * 10)
                case .relative(let bound): Swift.max(10 * bound * abs(number), 1e-300)
                case .significantDigits(let digits): Swift.max(10 * Double("5e-\(digits)")! * abs(number), 1e-300)
                }
                for wrong in [number + margin, number - margin, number + 1, number - 1] {
                    #expect(!key.accepts("\(wrong)"), "\(name) \(id): \(wrong) against \(number)")
                }
                let inside: Double = switch key.exercise.tolerance {
                case .absolute(let bound): number + bound / 2
                case .relative(let bound): number + bound * abs(number) / 2
                case .significantDigits(let digits): number + Double("5e-\(digits)")! * abs(number) / 2
                }
                #expect(key.accepts("\(inside)"), "\(name) \(id): \(inside) is within the tolerance of \(number)")
            } else if case .choice(let letter) = key.exercise.answer {
                for other in key.exercise.options.map(\.letter) where other != letter {
                    #expect(!key.accepts(other), "\(name) \(id): option \(other)")
                }
                #expect(key.accepts(" \(letter.lowercased()) "))
            } else {
                #expect(!key.accepts("not " + key.text), "\(name) \(id)")
            }
        }
    }
}
