// The slice of node-oracledb's API that Padan uses (the package ships no TypeScript types
// and @types/oracledb is not installed).
declare module 'oracledb' {
  namespace oracledb {
    type BindParameters = unknown[] | Record<string, unknown>;
    interface Result<T> { rows?: T[]; rowsAffected?: number }
    interface ExecuteOptions {
      outFormat?: number;
      fetchTypeHandler?: (meta: { dbType?: unknown; name?: string }) => { type: number } | undefined;
      autoCommit?: boolean;
    }
    interface ExecuteManyOptions { autoCommit?: boolean; bindDefs?: unknown }
    interface Connection {
      callTimeout: number;
      execute<T = unknown>(sql: string, binds?: BindParameters, options?: ExecuteOptions): Promise<Result<T>>;
      executeMany(sql: string, binds: unknown[], options?: ExecuteManyOptions): Promise<Result<unknown>>;
      commit(): Promise<void>;
      rollback(): Promise<void>;
      close(): Promise<void>;
    }
    interface Pool {
      getConnection(): Promise<Connection>;
      close(drainTime?: number): Promise<void>;
    }
    interface PoolAttributes {
      user: string; password: string; connectString: string;
      poolMin?: number; poolMax?: number; poolIncrement?: number;
      connectTimeout?: number; transportConnectTimeout?: number;
      queueTimeout?: number; stmtCacheSize?: number;
    }
    interface ConnectionAttributes {
      user: string; password: string; connectString: string;
      connectTimeout?: number; transportConnectTimeout?: number;
    }
  }
  const oracledb: {
    createPool(attrs: oracledb.PoolAttributes): Promise<oracledb.Pool>;
    getConnection(attrs: oracledb.ConnectionAttributes): Promise<oracledb.Connection>;
    readonly OUT_FORMAT_OBJECT: number;
    readonly STRING: number;
    readonly NUMBER: number;
    readonly DB_TYPE_NUMBER: unknown;
    readonly DB_TYPE_DATE: unknown;
    readonly DB_TYPE_VARCHAR: unknown;
    readonly thin: boolean;
  };
  export default oracledb;
}
