/// A dense row-major matrix. `storage[row * columns + column]`.
///
/// The products here are the plain reference kernels: every sum runs over k = 0, 1, …
/// in order, so a learner can redo them by hand and get the same bits.
public struct Matrix<Element: Scalar>: Equatable, Sendable, Codable {
    public private(set) var rows: Int
    public private(set) var columns: Int
    public var storage: [Element]

    public init(rows: Int, columns: Int, repeating value: Element = 0) {
        precondition(rows >= 0 && columns >= 0, "negative matrix shape")
        self.rows = rows
        self.columns = columns
        storage = Array(repeating: value, count: rows * columns)
    }

    public init(rows: Int, columns: Int, storage: [Element]) {
        precondition(storage.count == rows * columns, "storage does not match \(rows)×\(columns)")
        self.rows = rows
        self.columns = columns
        self.storage = storage
    }

    enum CodingKeys: String, CodingKey { case rows, columns, storage }

    /// Decodes a matrix, rejecting a storage whose length is not rows × columns.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let rows = try container.decode(Int.self, forKey: .rows)
        let columns = try container.decode(Int.self, forKey: .columns)
        let storage = try container.decode([Element].self, forKey: .storage)
        guard rows >= 0, columns >= 0, rows.multipliedReportingOverflow(by: columns) == (storage.count, false) else {
            throw DecodingError.dataCorruptedError(forKey: .storage, in: container,
                                                   debugDescription: "\(storage.count) values for a \(rows)×\(columns) matrix")
        }
        self.init(rows: rows, columns: columns, storage: storage)
    }

    /// A matrix from its rows; all rows must have the same length.
    public init(_ rowValues: [[Element]]) {
        let columns = rowValues.first?.count ?? 0
        precondition(rowValues.allSatisfy { $0.count == columns }, "ragged rows")
        self.init(rows: rowValues.count, columns: columns, storage: rowValues.flatMap { $0 })
    }

    @inlinable
    public subscript(row: Int, column: Int) -> Element {
        get { storage[row * columns + column] }
        set { storage[row * columns + column] = newValue }
    }

    public func row(_ index: Int) -> [Element] {
        Array(storage[(index * columns)..<((index + 1) * columns)])
    }

    /// The rows at `indices`, in that order.
    public func selectingRows(_ indices: [Int]) -> Matrix {
        var result = Matrix(rows: indices.count, columns: columns)
        for (target, source) in indices.enumerated() {
            for column in 0..<columns {
                result[target, column] = self[source, column]
            }
        }
        return result
    }

    public var transposed: Matrix {
        var result = Matrix(rows: columns, columns: rows)
        for row in 0..<rows {
            for column in 0..<columns {
                result[column, row] = self[row, column]
            }
        }
        return result
    }

    /// C = A·B. A: (m, k), B: (k, n), C: (m, n); c_ij = Σ_k a_ik·b_kj, summed in k order.
    /// Float matrices go through the fast kernel instead (`Matrix+GEMM.swift`).
    @_specialize(exported: true, where Element == Double)
    public func multiplied(by other: Matrix) -> Matrix {
        precondition(columns == other.rows, "shape mismatch: (\(rows), \(columns))·(\(other.rows), \(other.columns))")
        if let fast = fastProduct(other, transposeSelf: false, transposeOther: false) { return fast }
        return plainProduct(other)
    }

    /// The plain reference product: c_ij = Σ_k a_ik·b_kj, summed in k order.
    @_specialize(exported: true, where Element == Double)
    public func plainProduct(_ other: Matrix) -> Matrix {
        precondition(columns == other.rows, "shape mismatch: (\(rows), \(columns))·(\(other.rows), \(other.columns))")
        var result = Matrix(rows: rows, columns: other.columns)
        for i in 0..<rows {
            for j in 0..<other.columns {
                var sum: Element = 0
                for k in 0..<columns {
                    sum += self[i, k] * other[k, j]
                }
                result[i, j] = sum
            }
        }
        return result
    }

    /// Aᵀ·B. A: (k, m), B: (k, n), result: (m, n). The Float kernel reads Aᵀ in place.
    @_specialize(exported: true, where Element == Double)
    public func transposedMultiplied(by other: Matrix) -> Matrix {
        fastProduct(other, transposeSelf: true, transposeOther: false) ?? transposed.plainProduct(other)
    }

    /// A·Bᵀ. A: (m, k), B: (n, k), result: (m, n). The Float kernel reads Bᵀ in place.
    @_specialize(exported: true, where Element == Double)
    public func multipliedTransposed(by other: Matrix) -> Matrix {
        fastProduct(other, transposeSelf: false, transposeOther: true) ?? plainProduct(other.transposed)
    }

    /// Element-wise f(a).
    public func map(_ transform: (Element) -> Element) -> Matrix {
        Matrix(rows: rows, columns: columns, storage: storage.map(transform))
    }

    /// Element-wise f(a, b) of two matrices of the same shape.
    public func combined(with other: Matrix, _ combine: (Element, Element) -> Element) -> Matrix {
        precondition(rows == other.rows && columns == other.columns, "shape mismatch")
        var result = self
        for index in storage.indices {
            result.storage[index] = combine(storage[index], other.storage[index])
        }
        return result
    }

    /// Adds `vector` (length `columns`) to every row: a_ij + v_j.
    @_specialize(exported: true, where Element == Double)
    public func addingToEachRow(_ vector: [Element]) -> Matrix {
        precondition(vector.count == columns, "vector length \(vector.count) ≠ \(columns) columns")
        var result = self
        for row in 0..<rows {
            for column in 0..<columns {
                result[row, column] += vector[column]
            }
        }
        return result
    }

    /// Σ_i a_ij for each column j, summed in row order.
    @_specialize(exported: true, where Element == Double)
    public func columnSums() -> [Element] {
        var sums = Array(repeating: Element(0), count: columns)
        for row in 0..<rows {
            for column in 0..<columns {
                sums[column] += self[row, column]
            }
        }
        return sums
    }
}
