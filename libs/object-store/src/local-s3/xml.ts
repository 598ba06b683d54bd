/** Minimal S3 XML documents: just what @aws-sdk/client-s3 parses. */

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>';

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function errorXml(code: string, message: string, resource: string, requestId: string): string {
  return `${XML_HEAD}<Error><Code>${code}</Code><Message>${escapeXml(message)}</Message><Resource>${escapeXml(resource)}</Resource><RequestId>${requestId}</RequestId></Error>`;
}

export interface ListedObject {
  key: string;
  etag: string;
  size: number;
  lastModified: Date;
}

export interface ListResult {
  bucket: string;
  prefix: string;
  delimiter?: string;
  maxKeys: number;
  startAfter?: string;
  continuationToken?: string;
  nextContinuationToken?: string;
  contents: ListedObject[];
  commonPrefixes: string[];
}

export function listObjectsV2Xml(r: ListResult): string {
  const parts = [
    `<Name>${escapeXml(r.bucket)}</Name>`,
    `<Prefix>${escapeXml(r.prefix)}</Prefix>`,
    r.delimiter !== undefined ? `<Delimiter>${escapeXml(r.delimiter)}</Delimiter>` : '',
    r.startAfter !== undefined ? `<StartAfter>${escapeXml(r.startAfter)}</StartAfter>` : '',
    r.continuationToken !== undefined ? `<ContinuationToken>${escapeXml(r.continuationToken)}</ContinuationToken>` : '',
    `<MaxKeys>${r.maxKeys}</MaxKeys>`,
    `<KeyCount>${r.contents.length + r.commonPrefixes.length}</KeyCount>`,
    `<IsTruncated>${r.nextContinuationToken !== undefined}</IsTruncated>`,
    r.nextContinuationToken !== undefined ? `<NextContinuationToken>${escapeXml(r.nextContinuationToken)}</NextContinuationToken>` : '',
    ...r.contents.map(
      (o) =>
        `<Contents><Key>${escapeXml(o.key)}</Key><LastModified>${o.lastModified.toISOString()}</LastModified>` +
        `<ETag>${escapeXml(o.etag)}</ETag><Size>${o.size}</Size><StorageClass>STANDARD</StorageClass></Contents>`,
    ),
    ...r.commonPrefixes.map((p) => `<CommonPrefixes><Prefix>${escapeXml(p)}</Prefix></CommonPrefixes>`),
  ];
  return `${XML_HEAD}<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">${parts.join('')}</ListBucketResult>`;
}
