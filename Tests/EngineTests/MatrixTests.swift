import Engine
import Foundation
import Testing

/// The plain reference kernels every layer uses.
@Suite struct MatrixTests {
    // A = [[1, 2, 3], [4, 5, 6]], B = [[7, 8], [9, 10], [11, 12]]; by hand:
    // A·B = [[1·7 + 2·9 + 3·11, 1·8 + 2·10 + 3·12], [4·7 + 5·9 + 6·11, 4·8 + 5·10 + 6·12]] = [[58, 64], [139, 154]]
    static let a = Matrix<Double>([[1, 2, 3], [4, 5, 6]])
    static let b = Matrix<Double>([[7, 8], [9, 10], [11, 12]])

    @Test func products() {
        #expect(Self.a.multiplied(by: Self.b) == Matrix([[58, 64], [139, 154]]))
        #expect(Self.a.transposed == Matrix([[1, 4], [2, 5], [3, 6]]))
        #expect(Self.a.transposed.transposedMultiplied(by: Self.b) == Matrix([[58, 64], [139, 154]]))
        #expect(Self.a.multipliedTransposed(by: Self.b.transposed) == Matrix([[58, 64], [139, 154]]))
    }

    @Test func rowsColumnsAndElementwise() {
        #expect(Self.a.row(1) == [4, 5, 6])
        #expect(Self.a.selectingRows([1, 0, 1]) == Matrix([[4, 5, 6], [1, 2, 3], [4, 5, 6]]))
        #expect(Self.a.columnSums() == [5, 7, 9])
        #expect(Self.a.addingToEachRow([10, 20, 30]) == Matrix([[11, 22, 33], [14, 25, 36]]))
        #expect(Self.a.map { -$0 } == Matrix([[-1, -2, -3], [-4, -5, -6]]))
        #expect(Self.a.combined(with: Self.a) { $0 * $1 } == Matrix([[1, 4, 9], [16, 25, 36]]))
        #expect(Self.a[1, 2] == 6 && Self.a.storage[5] == 6)
    }

    @Test func codableRoundTripAndRejectsBadShapes() throws {
        let data = try JSONEncoder().encode(Self.a)
        #expect(try JSONDecoder().decode(Matrix<Double>.self, from: data) == Self.a)
        let bad = Data(#"{"rows": 2, "columns": 2, "storage": [1, 2, 3]}"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Matrix<Double>.self, from: bad) }
        let negative = Data(#"{"rows": -1, "columns": -3, "storage": [1, 2, 3]}"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Matrix<Double>.self, from: negative) }
    }
}
